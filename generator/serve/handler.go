package serve

import (
	"bytes"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"

	"cursus/generator/content"
	"cursus/generator/media"
)

// ServeHTTP answers from the current snapshot only: the one complete build
// loaded once per request, so a page and the rebuild that follows it never
// mix. Only files of the build exist: no directory listing, no source file,
// and a path cannot climb out since there is no file system behind it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		// A page on another site can point its own domain name at
		// 127.0.0.1 (DNS rebinding) and read the preview; a loopback
		// server only answers to loopback names.
		http.Error(w, "cursus serve answers only to localhost", http.StatusForbidden)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		if !s.hub.serveEvents(w, r) && s.refused.Add(1) == 1 {
			s.logf(s.opts.Stderr, "attention : %d pages suivent déjà les modifications ; celles ouvertes ensuite ne se rechargent pas d’elles-mêmes tant que d’autres ne sont pas fermées\n", maxStreams)
		}
		return
	case scriptPath:
		s.file(w, r, http.StatusOK, "live.js", liveJS, "no-cache")
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	snap := s.hub.current.Load()
	if snap != nil && snap.ready != nil {
		// A build under way: only the pages it gave first are its own.
		if name, _, ok := lookup(snap.site.Files, r.URL.Path); !ok || !snap.early[name] {
			select {
			case <-snap.ready:
			case <-r.Context().Done():
				return
			}
			snap = s.hub.current.Load()
		}
	}
	if snap == nil {
		http.Error(w, "building…", http.StatusServiceUnavailable)
		return
	}
	if snap.site == nil {
		s.file(w, r, http.StatusInternalServerError, "error.html", errorPage(snap.lang, snap.errors, snap.build), "no-store")
		return
	}
	name, redirect, ok := lookup(snap.site.Files, r.URL.Path)
	switch {
	case redirect != "":
		if r.URL.RawQuery != "" {
			redirect += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, redirect, http.StatusMovedPermanently)
	case ok:
		cache := "no-cache"
		if snap.assets[name] {
			// The name carries a hash of the content: it can be cached
			// for ever, a change gets another name.
			cache = "public, max-age=31536000, immutable"
		}
		s.file(w, r, http.StatusOK, name, withScript(name, snap.site.Files[name], snap.build), cache)
	case snap.site.Later[strings.TrimPrefix(r.URL.Path, "/")] != nil:
		name := strings.TrimPrefix(r.URL.Path, "/")
		body, err := snap.site.Later[name]()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		s.file(w, r, http.StatusOK, name, body, "no-cache")
	case snap.latest[unfingerprint(strings.TrimPrefix(r.URL.Path, "/"))] != "":
		// An asset of an older build, linked from a page that had no
		// reason to reload (a stylesheet swapped in place, a page's image):
		// its current version, which must not be cached under that name.
		name := snap.latest[unfingerprint(strings.TrimPrefix(r.URL.Path, "/"))]
		s.file(w, r, http.StatusOK, name, snap.site.Files[name], "no-cache")
	default:
		body, ok := snap.site.Files["404.html"]
		if !ok {
			body = []byte("404 page not found\n")
		} else {
			body = withScript("404.html", body, snap.build)
		}
		s.file(w, r, http.StatusNotFound, "404.html", body, "no-cache")
	}
}

// withScript returns a page of the site with the live script of its build
// placed before its last </body>, as it is served; other files as they are.
// The builds leave pages without it: a page that did not change keeps its
// bytes from one build to the next, and tells so at a glance (diff.go).
func withScript(name string, body []byte, build int64) []byte {
	if !isHTML(name) {
		return body
	}
	snip := snippet(build)
	i := bytes.LastIndex(body, []byte("</body>"))
	if i < 0 {
		i = len(body)
	}
	out := make([]byte, 0, len(body)+len(snip))
	out = append(out, body[:i]...)
	out = append(out, snip...)
	return append(out, body[i:]...)
}

// lookup maps a request path to a file of the site: "/" and "/x/" to their
// index.html, "/x" to a redirect to "/x/" when that is a page.
func lookup(files map[string][]byte, urlPath string) (name, redirect string, ok bool) {
	if !strings.HasPrefix(urlPath, "/") {
		return "", "", false
	}
	clean := path.Clean(urlPath)
	if strings.HasSuffix(urlPath, "/") && clean != "/" {
		clean += "/"
	}
	if clean != urlPath {
		return "", clean, false // "/a//b", "/a/../b": one name per page
	}
	name = content.FileOf(clean)
	if _, ok := files[name]; ok {
		return name, "", true
	}
	if !strings.HasSuffix(clean, "/") {
		if _, ok := files[content.FileOf(clean+"/")]; ok {
			return "", clean + "/", false
		}
	}
	return "", "", false
}

func (s *Server) file(w http.ResponseWriter, r *http.Request, status int, name string, body []byte, cache string) {
	h := w.Header()
	h.Set("Content-Type", media.ContentType(name))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Cache-Control", cache)
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// hostAllowed reports whether a request's Host may be served: any host when
// the server was bound beyond loopback on purpose, else loopback names only.
func (s *Server) hostAllowed(host string) bool {
	if bind := s.opts.Bind; bind != "" && !isLoopback(bind) {
		return true
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(strings.ToLower(host), "[]")
	return host == "" || host == "localhost" || strings.HasSuffix(host, ".localhost") || isLoopback(host)
}
