package serve

import (
	"io/fs"
	"maps"
	"path"
	"strings"

	"cursus/generator/content"
	"cursus/generator/msg"
)

// Site is one complete build, as the server needs it. The server never
// changes it after it is handed over: requests read it without locks while
// the next build is made.
type Site struct {
	Files map[string][]byte // slash path under the site root → content
	// Later are files made when first asked for (the search index, the
	// sitemap): no page depends on their bytes, and most saves never need
	// them. Each is called from any goroutine and gives the same bytes
	// every time.
	Later   map[string]func() ([]byte, error)
	Sources map[string][]string // source file, from the site root → site paths of the pages it feeds
	Assets  []string            // published paths of fingerprinted assets: cacheable for ever
	// Warnings are problems that did not stop the build, one
	// file:line:col: message each: shown over the preview, never blocking.
	Warnings []string
}

// BuildOptions are what the server asks of a build.
type BuildOptions struct {
	BaseURL string // the server's own address, so that absolute links stay local
	// First are the pages browsers show (files: "blocs/b1/index.html"). A
	// build may hand them to Early as soon as it has them, before it is
	// done: the server shows them at once. They must be the bytes the
	// build then returns. Early is called at most once, before the build
	// returns. A build may ignore both.
	First []string
	Early func(files map[string][]byte)
}

// BuildFunc builds the site under root into memory. Content errors should
// come back as a diag.List, so that each is shown as file:line:col: message.
type BuildFunc func(root fs.FS, opts BuildOptions) (*Site, error)

// snapshot is what the server serves at one moment: the last good site
// (nil before the first success) and the errors of the last build, if it
// failed. Snapshots are immutable and swapped whole.
type snapshot struct {
	site   *Site
	build  int64 // the build the site comes from
	errors []string
	lang   msg.Lang          // of the page of errors, when site is nil
	assets map[string]bool   // fingerprinted file → true
	latest map[string]string // asset name without its hash → current file
	// A build under way shows first the pages browsers are on (early):
	// its snapshot is the last one with those pages replaced, and ready,
	// closed when the build is done. Any other file waits for ready: it
	// may be stale.
	early map[string]bool
	ready chan struct{}
}

func newSnapshot(site *Site, build int64) *snapshot {
	s := &snapshot{site: site, build: build, assets: map[string]bool{}, latest: map[string]string{}}
	for _, a := range site.Assets {
		a = strings.TrimPrefix(a, "/")
		s.assets[a] = true
		s.latest[unfingerprint(a)] = a
	}
	return s
}

// withEarly returns a copy of s with the files of a build under way,
// given first, and the channel closed when the build is done.
func (s *snapshot) withEarly(files map[string][]byte, build int64, ready chan struct{}) *snapshot {
	site := *s.site
	site.Files = maps.Clone(s.site.Files)
	c := *s
	c.site, c.build, c.early, c.ready = &site, build, map[string]bool{}, ready
	for name, data := range files {
		site.Files[name] = data
		c.early[name] = true
	}
	return &c
}

// withErrors returns a copy of s that also carries errs.
func (s *snapshot) withErrors(errs []string) *snapshot {
	c := *s
	c.errors = errs
	return &c
}

// pagePath is the site path a browser shows for an HTML file.
func pagePath(file string) string { return content.PathOfFile(file) }

func isHTML(file string) bool { return path.Ext(file) == ".html" }
