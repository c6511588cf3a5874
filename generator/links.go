package generator

import (
	"bytes"
	"net/url"
	"path"
	"sort"
	"strings"

	"cursus/generator/diag"
)

// linkTargets lists the pages that markdown links point into with a
// #fragment: their HTML must be kept to check the anchor.
func linkTargets(jobs []*job) map[string]bool {
	keep := map[string]bool{}
	for _, j := range jobs {
		if j.md == nil {
			continue
		}
		for _, l := range j.md.Links {
			if target, frag, ok := internal(j.data.Path, l.Dest); ok && frag != "" {
				keep[target] = true
				keep[target+"/"] = true
			}
		}
	}
	return keep
}

// checkMarkdownLinks verifies every internal link written in markdown: the
// target page must exist and, with a #fragment, carry that id. Errors point
// at the link's line in its source file.
func checkMarkdownLinks(jobs []*job, results []result, contentDir string) diag.List {
	byPath := make(map[string]int, len(jobs))
	for i, j := range jobs {
		byPath[j.data.Path] = i
	}
	ids := map[int]map[string]bool{}
	var errs diag.List
	for _, j := range jobs {
		if j.md == nil {
			continue
		}
		for _, l := range j.md.Links {
			target, frag, ok := internal(j.data.Path, l.Dest)
			if !ok {
				continue
			}
			pos := diag.Pos{File: contentDir + "/" + j.body.Path, Line: l.Line}
			t, found := byPath[target]
			if !found {
				t, found = byPath[target+"/"]
			}
			if !found {
				errs.Add(pos, "broken link %q: no page at %s", l.Dest, target)
				continue
			}
			if frag == "" {
				continue
			}
			if ids[t] == nil {
				ids[t] = htmlIDs(results[t].html)
			}
			if !ids[t][frag] {
				errs.Add(pos, "broken link %q: page %s has no anchor #%s", l.Dest, target, frag)
			}
		}
	}
	return errs
}

// internal resolves a link destination seen on the page at from. It returns
// the site path and fragment of an internal link, or ok=false for external
// links (with a scheme or a host) and mailto/tel.
func internal(from, dest string) (target, frag string, ok bool) {
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

// htmlIDs collects the id attributes of an HTML document.
func htmlIDs(doc []byte) map[string]bool {
	out := map[string]bool{}
	for _, v := range attrValues(doc, "id") {
		out[v] = true
	}
	return out
}

// attrValues returns the values of an attribute wherever it appears in a
// tag: a fast scan that understands quoted and unquoted values, enough for
// the HTML cursus itself writes (minified or not).
func attrValues(doc []byte, name string) []string {
	var out []string
	needle := []byte(" " + name + "=")
	for {
		i := bytes.Index(doc, needle)
		if i < 0 {
			return out
		}
		doc = doc[i+len(needle):]
		if len(doc) == 0 {
			return out
		}
		var v []byte
		switch q := doc[0]; q {
		case '"', '\'':
			end := bytes.IndexByte(doc[1:], q)
			if end < 0 {
				return out
			}
			v = doc[1 : end+1]
		default:
			end := bytes.IndexAny(doc, " >")
			if end < 0 {
				end = len(doc)
			}
			v = doc[:end]
		}
		out = append(out, htmlUnescape(string(v)))
	}
}

func htmlUnescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`, "&lt;", "<", "&gt;", ">").Replace(s)
}

// CheckLinks checks every internal href and src of every HTML file of a
// built site, and their #anchors, against the files and ids of the site
// itself. basePath is the site's base path ("/" or "/sub/"). It returns one
// line per broken link, "file: broken link …", sorted.
func CheckLinks(files map[string][]byte, basePath string) []string {
	idsOf := map[string]map[string]bool{}
	var broken []string
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		from := basePath + strings.TrimSuffix(name, "index.html")
		for _, attr := range []string{"href", "src"} {
			for _, dest := range attrValues(data, attr) {
				target, frag, ok := internal(from, dest)
				if !ok {
					continue
				}
				if !strings.HasPrefix(target, basePath) {
					broken = append(broken, name+": link "+dest+" leaves the site's base path "+basePath)
					continue
				}
				file := fileOf("/" + strings.TrimPrefix(target, basePath))
				body, found := files[file]
				if !found {
					broken = append(broken, name+": broken link "+dest)
					continue
				}
				if frag == "" {
					continue
				}
				if idsOf[file] == nil {
					idsOf[file] = htmlIDs(body)
				}
				if !idsOf[file][frag] {
					broken = append(broken, name+": broken anchor "+dest)
				}
			}
		}
	}
	sort.Strings(broken)
	return broken
}
