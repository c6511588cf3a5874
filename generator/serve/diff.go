package serve

import (
	"bytes"
	"path"
	"sort"
	"strings"
)

// message is what the browser's script receives after each build.
type message struct {
	Build  int64    `json:"build"`
	Errors []string `json:"errors"` // empty: hide the overlay
	// Warnings of a build that succeeded: shown in a box that blocks
	// nothing.
	Warnings []string `json:"warnings,omitempty"`
	// Pages changed by the build; the script reloads if it shows one of them.
	Pages []string `json:"pages,omitempty"`
	// Main lists those of Pages that changed only inside <main>: the
	// script can fetch the page and swap its <main> in place, without the
	// cost of a reload (a new document parsed, laid out and painted, its
	// scripts run again) nor the jump of the scroll position.
	Main []string `json:"main,omitempty"`
	All  bool     `json:"all,omitempty"` // every page changed (template, config): reload wherever
	// CSS maps old stylesheet paths to new ones: a page that need not
	// reload swaps its links in place.
	CSS map[string]string `json:"css,omitempty"`
	// Goto is the page the edited source feeds (--navigateToChanged), and
	// Fed all the changed pages it feeds: a browser on one of them stays.
	Goto string   `json:"goto,omitempty"`
	Fed  []string `json:"fed,omitempty"`
	// Shown are the pages of this build shown before it was done (the
	// pages browsers were on, rendered first): a browser on one is up to
	// date. After errors, it goes back to the last good build.
	Shown []string `json:"shown,omitempty"`
	// Early: this message comes before the build is done, for the pages
	// in Pages alone; a browser on another page ignores it, and keeps the
	// build number of its page.
	Early bool `json:"early,omitempty"`
}

// changes compares two snapshots and says what a browser must do. sources
// are the files that changed, relative to the site root.
//
// Assets carry a hash of their content in their name, so a changed
// stylesheet changes the link to it in every page (so does a search index
// named after its content; cursus serve's previews keep one name). Pages
// are therefore compared with the old asset names replaced by the new ones:
// a page that differs in nothing else has not changed for the reader. It
// swaps its stylesheets in place; its links to data (the search index) are
// served the current file (see Server.ServeHTTP); a link to anything else
// (script, image) makes it reload.
func changes(prev, next *snapshot, sources []string, navigate bool) message {
	m := message{Build: next.build, Errors: []string{}, Warnings: next.site.Warnings}
	if prev == nil || prev.site == nil {
		m.All = true
		return m
	}
	html, others := changedFiles(prev, next)
	renames := assetRenames(prev, next, others)
	pages := 0
	for f := range next.site.Files {
		if isHTML(f) {
			pages++
		}
	}
	var changed []string
	for _, f := range html {
		if c, inMain := pageChanged(prev, next, f, renames); c {
			changed = append(changed, f)
			m.Pages = append(m.Pages, pagePath(f))
			if inMain {
				m.Main = append(m.Main, pagePath(f))
			}
		}
	}
	for from, to := range renames {
		if path.Ext(from) == ".css" {
			if m.CSS == nil {
				m.CSS = map[string]string{}
			}
			m.CSS["/"+from] = "/" + to
		}
	}
	if len(m.Pages) >= pages && pages > 0 {
		m.All, m.Pages, m.Main, m.CSS = true, nil, nil, nil
	}
	if navigate {
		m.Goto, m.Fed = target(next.site.Sources, sources, changed, next.site.Files)
	}
	return m
}

// changedFiles lists the HTML files added, removed or changed, and the other
// files that were.
func changedFiles(prev, next *snapshot) (html, others []string) {
	a, b := prev.site.Files, next.site.Files
	see := func(f string) {
		if isHTML(f) {
			html = append(html, f)
		} else {
			others = append(others, f)
		}
	}
	for f, nb := range b {
		pb, ok := a[f]
		switch {
		case !ok:
			see(f)
		case !bytes.Equal(pb, nb): // at once when the build kept the page's bytes
			see(f)
		}
	}
	for f := range a {
		if _, ok := b[f]; !ok {
			see(f)
		}
	}
	sort.Strings(html)
	return html, others
}

// assetRenames pairs the assets that left the build with those that came,
// by their name without the hash: style.3f9a1c2b.css → style.77e0d1aa.css.
func assetRenames(prev, next *snapshot, others []string) map[string]string {
	olds, news := map[string]string{}, map[string]string{}
	for _, f := range others {
		switch {
		case prev.assets[f] && !next.assets[f]:
			olds[unfingerprint(f)] = f
		case next.assets[f] && !prev.assets[f]:
			news[unfingerprint(f)] = f
		}
	}
	renames := map[string]string{}
	for name, from := range olds {
		if to, ok := news[name]; ok {
			renames[from] = to
		}
	}
	return renames
}

// pageChanged reports whether the page in file changed for its reader:
// beyond the build number of its script and the renaming of its
// stylesheets and data files; and if so, whether only inside its <main>
// element.
func pageChanged(prev, next *snapshot, file string, renames map[string]string) (changed, inMain bool) {
	p, n := prev.site.Files[file], next.site.Files[file]
	if p == nil || n == nil {
		return true, false
	}
	var same []pair
	for from, to := range renames {
		if !bytes.Contains(p, []byte(from)) {
			continue
		}
		switch path.Ext(from) {
		case ".css", ".json":
		default:
			return true, false // a script or an image changed: only a reload shows it
		}
		same = append(same, pair{[]byte(from), []byte(to)})
	}
	if equalExcept(p, n, same) {
		return false, false
	}
	pi, pj, pok := mainSpan(p)
	ni, nj, nok := mainSpan(n)
	return true, pok && nok && equalExcept(p[:pi], n[:ni], same) && equalExcept(p[pj:], n[nj:], same)
}

// pair is a string of the old build and the one standing for it in the new.
type pair struct{ old, new []byte }

// equalExcept reports whether a and b are equal once each occurrence in a
// of an old string of pairs is read as its new one. It compares in place:
// the server does it for every page after every save.
func equalExcept(a, b []byte, pairs []pair) bool {
	for {
		at, k := -1, 0
		for i, p := range pairs {
			if j := bytes.Index(a, p.old); j >= 0 && (at < 0 || j < at) {
				at, k = j, i
			}
		}
		if at < 0 {
			return bytes.Equal(a, b)
		}
		p := pairs[k]
		if !bytes.HasPrefix(b, a[:at]) || !bytes.HasPrefix(b[at:], p.new) {
			return false
		}
		a, b = a[at+len(p.old):], b[at+len(p.new):]
	}
}

// mainSpan returns where the content of a page's one <main> element
// starts and ends.
func mainSpan(page []byte) (start, end int, ok bool) {
	i := bytes.Index(page, []byte("<main"))
	j := bytes.LastIndex(page, []byte("</main>"))
	if i < 0 || j < i || bytes.Count(page, []byte("<main")) != 1 {
		return 0, 0, false
	}
	return i, j, true
}

// unfingerprint drops the hash from an asset's name:
// "assets/style.3f9a1c2b.css" → "assets/style.css".
func unfingerprint(f string) string {
	ext := path.Ext(f)
	stem := strings.TrimSuffix(f, ext)
	if i := strings.LastIndexByte(stem, '.'); i >= 0 && i > strings.LastIndexByte(stem, '/') {
		stem = stem[:i]
	}
	return stem + ext
}

// target picks the page to show after an edit of sources, among the
// changed pages they feed. Pages are grouped by section (the first element
// of their path); the section with the fewest changed pages wins, and
// between equals the one with the most pages, the finer grained. A bloc
// file feeds its bloc, its compétences and their métiers: a criterion
// edited changes one compétence and one bloc (the finer wins: the
// compétence) and the métiers that list it; a bloc's title changes one
// bloc and all its compétences (the bloc wins). It also returns all the
// changed pages the sources feed.
func target(feeds map[string][]string, sources []string, changed []string, files map[string][]byte) (string, []string) {
	isChanged := map[string]bool{}
	for _, f := range changed {
		isChanged[pagePath(f)] = true
	}
	var fed []string
	seen := map[string]bool{}
	for _, s := range sources {
		for _, p := range feeds[s] {
			if isChanged[p] && !seen[p] {
				seen[p] = true
				fed = append(fed, p)
			}
		}
	}
	if len(fed) == 0 {
		return "", nil
	}
	size := map[string]int{}
	for f := range files {
		if isHTML(f) {
			size[section(pagePath(f))]++
		}
	}
	touched := map[string]int{}
	for _, p := range fed {
		touched[section(p)]++
	}
	sort.Slice(fed, func(i, j int) bool {
		a, b := section(fed[i]), section(fed[j])
		if touched[a] != touched[b] {
			return touched[a] < touched[b]
		}
		if size[a] != size[b] {
			return size[a] > size[b]
		}
		return fed[i] < fed[j]
	})
	return fed[0], fed
}

// section is the first element of a page's path: "/blocs/b1/" → "blocs".
func section(page string) string {
	s, _, _ := strings.Cut(strings.TrimPrefix(page, "/"), "/")
	return s
}
