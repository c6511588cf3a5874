package generator

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"cursus/generator/diag"
)

// scan is what the link check needs of a rendered page: the href and src
// of its tags and its ids, read by an HTML tokenizer, so that text that
// only looks like a tag (an escaped <img src=x> in a code block) is text.
type scan struct {
	links []string // each once, sorted
	ids   []string // sorted
}

// scanHTML reads the links and ids of an HTML document.
func scanHTML(doc []byte) scan {
	var s scan
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			sort.Strings(s.links)
			s.links = slices.Compact(s.links)
			sort.Strings(s.ids)
			return s
		case html.StartTagToken, html.SelfClosingTagToken:
			_, more := z.TagName()
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "href", "src":
					s.links = append(s.links, string(v))
				case "id":
					s.ids = append(s.ids, string(v))
				}
			}
		}
	}
}

func (s scan) hasID(id string) bool {
	_, ok := slices.BinarySearch(s.ids, id)
	return ok
}

// checkLinks checks every internal link of every page: the file it points
// to must be published and, with a #fragment, the page must carry that id.
// A link written in markdown is reported at its line in the markdown file;
// another at the position of what the page shows (a bloc, a page…), since
// it comes from the theme's templates.
func checkLinks(pages []*page, scans []scan, base string, assets []string) diag.List {
	byFile := make(map[string]int, len(pages))
	for i, p := range pages {
		byFile[p.file()] = i
	}
	files := map[string]bool{"sitemap.xml": true, "robots.txt": true}
	for _, a := range assets {
		files[a] = true
	}
	// verdict says what is wrong with a link to the site path site, or "".
	verdict := func(site, frag string) string {
		i, isPage := byFile[fileOf(site)]
		if !isPage && !strings.HasSuffix(site, "/") {
			i, isPage = byFile[fileOf(site+"/")]
		}
		switch {
		case !isPage && !files[fileOf(site)]:
			return "no page at " + site
		case isPage && frag != "" && !scans[i].hasID(frag):
			return "page " + site + " has no anchor #" + frag
		}
		return ""
	}
	var errs diag.List
	for i, p := range pages {
		// Links written in markdown, reported at their line; the page's
		// own check skips them.
		written := map[string]bool{}
		if p.md != nil {
			for _, l := range p.md.Links {
				site, frag, ok := resolve(p.data.Path, l.Dest)
				if !ok {
					continue
				}
				written[site+"#"+frag] = true
				if why := verdict(site, frag); why != "" {
					errs.Add(diag.Pos{File: mdFile(p), Line: l.Line}, "broken link %q: %s", l.Dest, why)
				}
			}
		}
		for _, dest := range scans[i].links {
			u, frag, ok := resolve(p.data.URL, dest)
			if !ok {
				continue
			}
			if !strings.HasPrefix(u, base) && u+"/" != base {
				errs.Add(p.at(), "link %q on page %s leaves the site's base path %s", dest, p.data.Path, base)
				continue
			}
			site := "/" + strings.TrimPrefix(u, base)
			if written[site+"#"+frag] {
				continue
			}
			if why := verdict(site, frag); why != "" {
				errs.Add(p.at(), "broken link %q on page %s: %s", dest, p.data.Path, why)
			}
		}
	}
	return errs
}

// mdFile is the markdown file whose links a page shows.
func mdFile(p *page) string {
	for _, s := range p.sources {
		if strings.HasSuffix(s, "/"+p.body.Path) {
			return s
		}
	}
	return p.source
}

// resolve resolves a link destination seen on the page at from. It returns
// the path and fragment of an internal link, or ok=false for external
// links (with a scheme or a host), mailto and tel.
func resolve(from, dest string) (target, frag string, ok bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return "", "", false
	}
	frag = u.Fragment
	p := u.Path
	switch {
	case p == "":
		p = from
	case !strings.HasPrefix(p, "/"):
		p = path.Join(path.Dir(from+"x"), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	if p != "/" && strings.HasSuffix(p, "/index.html") {
		p = strings.TrimSuffix(p, "index.html")
	}
	return p, frag, true
}

// CheckLinks checks every internal href and src of every HTML file of a
// built site, and their #anchors, against the files and ids of the site
// itself, with the tokenizer a build uses. basePath is the site's base path
// ("/" or "/sub/"). It returns one line per broken link, "file: broken link
// …", sorted. The quality gates run it on the published output.
func CheckLinks(files map[string][]byte, basePath string) []string {
	scans := map[string]scan{}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			scans[name] = scanHTML(data)
		}
	}
	var broken []string
	for name, s := range scans {
		from := basePath + strings.TrimSuffix(name, "index.html")
		for _, dest := range s.links {
			target, frag, ok := resolve(from, dest)
			if !ok {
				continue
			}
			if !strings.HasPrefix(target, basePath) {
				broken = append(broken, name+": link "+dest+" leaves the site's base path "+basePath)
				continue
			}
			file := fileOf("/" + strings.TrimPrefix(target, basePath))
			if _, found := files[file]; !found {
				broken = append(broken, name+": broken link "+dest)
				continue
			}
			if t, isPage := scans[file]; isPage && frag != "" && !t.hasID(frag) {
				broken = append(broken, name+": broken anchor "+dest)
			}
		}
	}
	sort.Strings(broken)
	return broken
}
