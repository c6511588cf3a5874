package generator

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadsSame: reads tells a change of any file, listing or kind it saw,
// and nothing else.
func TestReadsSame(t *testing.T) {
	site := func() fstest.MapFS {
		return fstest.MapFS{
			"t/a.html":   {Data: []byte("a")},
			"t/b.html":   {Data: []byte("b")},
			"t/sub/c.js": {Data: []byte("c")},
			"other.md":   {Data: []byte("not read")},
		}
	}
	read := func(fsys fs.FS) *reads {
		r := newReads(fsys)
		fs.WalkDir(r, "t", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				r.ReadFile(p)
			}
			return nil
		})
		r.ReadFile("t/missing.html")
		return r
	}
	r := read(site())
	if !r.same(site()) {
		t.Fatal("the same files read differently")
	}
	for name, change := range map[string]func(fstest.MapFS){
		"a file's bytes":      func(m fstest.MapFS) { m["t/a.html"] = &fstest.MapFile{Data: []byte("A")} },
		"a file added":        func(m fstest.MapFS) { m["t/d.html"] = &fstest.MapFile{Data: []byte("d")} },
		"a file removed":      func(m fstest.MapFS) { delete(m, "t/sub/c.js") },
		"a missing file made": func(m fstest.MapFS) { m["t/missing.html"] = &fstest.MapFile{Data: []byte("")} },
		"a file made a dir": func(m fstest.MapFS) {
			delete(m, "t/b.html")
			m["t/b.html/x"] = &fstest.MapFile{Data: []byte("x")}
		},
	} {
		m := site()
		change(m)
		if r.same(m) {
			t.Errorf("%s: same", name)
		}
	}
	m := site()
	m["other.md"] = &fstest.MapFile{Data: []byte("changed")}
	if !r.same(m) {
		t.Error("a file never read changed the reads")
	}
	r.Open("t/a.html")
	if r.same(site()) {
		t.Error("a file opened, which reads cannot follow, left the reads the same")
	}
}

// TestThemeKept: the dev server's builds keep the parsed theme while its
// files and config.toml read the same, and load it again when one changes.
func TestThemeKept(t *testing.T) {
	fsys := bundledFS(t, func(p string) bool {
		return strings.HasPrefix(p, "themes/") || p == "config.toml" || strings.HasPrefix(p, "content/")
	})
	inc := NewIncremental(Options{Preview: true})
	theme := func() any {
		if _, err := inc.Build(fsys); err != nil {
			t.Fatal(err)
		}
		return inc.kept.theme.theme
	}
	first := theme()
	edit := func(name, old, new string) {
		t.Helper()
		data := string(fsys[name].Data)
		if !strings.Contains(data, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
	}
	edit("content/blocs/b1.toml", "Clarté", "Netteté")
	if theme() != first {
		t.Error("a content edit loaded the theme again")
	}
	edit("themes/default/layouts/bloc.html", "{{", "{{/* edited */}}{{")
	second := theme()
	if second == first {
		t.Error("a template edit kept the old theme")
	}
	edit("config.toml", "description = \"", "description = \"Nouveau. ")
	if theme() == second {
		t.Error("a config.toml edit kept the old theme")
	}
}
