package generator

import (
	"bytes"
	"cursus/generator/msg"
	"cursus/generator/render"
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

// Links are checked where they are written, not by reading every page:
// a link written in markdown at its line in the markdown file, a link the
// theme writes ({{url "/x/"}}, or an href written as text) at its line in
// the template. Links made from the model ({{.URL}}) lead to its pages by
// construction. Only the pages a link points into with a #fragment are
// read, with an HTML tokenizer, for their ids. Build and check run this
// same check; CheckLinks reads a published site whole, for its tests.

// fragmentTargets returns the files of the pages a markdown or theme link
// points into with a #fragment: their ids must be read.
func fragmentTargets(pages []*page, themeLinks []render.Link) map[string]bool {
	out := map[string]bool{}
	add := func(site, frag string) {
		if frag != "" {
			out[fileOf(site)] = true
			out[fileOf(site+"/")] = true
		}
	}
	for _, p := range pages {
		if p.md == nil {
			continue
		}
		for _, l := range p.md.Links {
			if site, frag, ok := resolve(p.data.Path, l.Dest); ok {
				add(site, frag)
			}
		}
	}
	for _, l := range themeLinks {
		if site, frag, ok := resolve("/", l.Dest); ok && !strings.HasPrefix(l.Dest, "#") {
			add(site, frag)
		}
	}
	return out
}

// checkLinks checks the links of markdown and of the theme against the
// pages and files of the site. ids holds the ids of the pages
// fragmentTargets named, by file.
func checkLinks(lang msg.Lang, pages []*page, themeLinks []render.Link, ids map[string]scan, base string, files []string) diag.List {
	byFile := make(map[string]bool, len(pages)+len(files))
	for _, p := range pages {
		byFile[p.file()] = true
	}
	for _, f := range files {
		byFile[f] = true
	}
	// verdict says what is wrong with a link to the site path site, or "".
	verdict := func(site, frag string) string {
		file := fileOf(site)
		if !byFile[file] && !strings.HasSuffix(site, "/") && byFile[fileOf(site+"/")] {
			file = fileOf(site + "/")
		}
		switch {
		case !byFile[file]:
			return lang.F(msg.LinkNoPage, site)
		case frag != "" && strings.HasSuffix(file, ".html") && !ids[file].hasID(frag):
			return lang.F(msg.LinkNoAnchor, site, frag)
		}
		return ""
	}
	var errs diag.List
	for _, p := range pages {
		if p.md == nil {
			continue
		}
		for _, l := range p.md.Links {
			site, frag, ok := resolve(p.data.Path, l.Dest)
			if !ok {
				continue
			}
			if why := verdict(site, frag); why != "" {
				errs.Add(diag.Pos{File: mdFile(p), Line: l.Line, Col: l.Col}, "%s", lang.F(msg.LinkBroken, l.Dest, why))
			}
		}
	}
	for _, l := range themeLinks {
		pos := diag.Pos{File: l.File, Line: l.Line, Col: l.Col}
		if l.Literal && (strings.HasPrefix(l.Dest, "#") || !strings.HasPrefix(l.Dest, "/")) {
			continue // an anchor of the page itself, or relative to a page
		}
		site, frag, ok := resolve("/", l.Dest)
		if !ok {
			continue
		}
		if l.Literal && base != "/" {
			errs.Add(pos, "%s", lang.F(msg.LinkHardcoded, l.Dest, base, l.Dest))
			continue
		}
		if why := verdict(site, frag); why != "" {
			errs.Add(pos, "%s", lang.F(msg.LinkBroken, l.Dest, why))
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
