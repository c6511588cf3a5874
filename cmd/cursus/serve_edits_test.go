package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"cursus/generator"
	"cursus/generator/serve"
	"cursus/internal/sitefs"
	"cursus/internal/testsite"
)

// TestServeFollowsEveryChange runs the dev server on the bundled site and
// makes the changes people make (a bloc saved in place and by renaming a
// temporary file over it, a page created in a new directory, the
// directory renamed, a file deleted, the theme's stylesheet and
// config.toml edited): after each, the site the server serves must become
// what a full build of the directory gives, file for file. The server
// remembers the files it read until an event names them: a change it
// missed would leave a stale file here.
func TestServeFollowsEveryChange(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a server and a full build after each of several edits")
	}
	dir := testsite.Bundled(t, "../..")
	var served atomic.Pointer[serve.Site]
	build := buildFor(false)
	s, err := serve.New(serve.Options{Source: dir, Build: func(root fs.FS, o serve.BuildOptions) (*serve.Site, error) {
		site, err := build(root, o)
		if err == nil {
			served.Store(site)
		}
		return site, err
	}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- s.Run(ctx) }()
	defer func() { cancel(); <-stopped }()

	file := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(file(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file(name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit := func(name, old, new string) string {
		t.Helper()
		data, err := os.ReadFile(file(name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s lacks %q", name, old)
		}
		return strings.Replace(string(data), old, new, 1)
	}
	page := "+++\ntitle = \"Guide\"\n+++\n\nLe guide de l’étudiant.\n"
	steps := []struct {
		name string
		do   func()
	}{
		{"a bloc saved in place", func() { write("content/blocs/b1.toml", edit("content/blocs/b1.toml", "Clarté", "Netteté")) }},
		{"a bloc saved by a rename", func() {
			write("content/blocs/.b2.toml.tmp", edit("content/blocs/b2.toml", "[[competences]]", "# enregistré\n[[competences]]"))
			if err := os.Rename(file("content/blocs/.b2.toml.tmp"), file("content/blocs/b2.toml")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a page in a new directory", func() { write("content/guide/etudiant.md", page) }},
		{"the directory renamed", func() {
			if err := os.Rename(file("content/guide"), file("content/aide")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a page deleted", func() {
			if err := os.Remove(file("content/aide/etudiant.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"the stylesheet", func() {
			write("themes/default/static/style.css", edit("themes/default/static/style.css", "\n", "\n/* modifié */\n"))
		}},
		{"config.toml", func() { write("config.toml", edit("config.toml", "title", "# titre\ntitle")) }},
	}
	for _, step := range steps {
		step.do()
		want := fullBuild(t, dir, s.URL())
		var diff string
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if diff = differs(served.Load(), want); diff == "" {
				break
			}
		}
		if diff != "" {
			t.Fatalf("after %s, the served site is not the full build's: %s", step.name, diff)
		}
	}
}

func fullBuild(t *testing.T, dir, url string) map[string][]byte {
	t.Helper()
	root, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	out, err := generator.Build(root, generator.Options{Preview: true, BaseURL: url})
	if err != nil {
		t.Fatal(err)
	}
	return out.Files
}

// differs names a file that differs between a served site and a build,
// or returns "".
func differs(site *serve.Site, want map[string][]byte) string {
	if site == nil {
		return "nothing served"
	}
	var names []string
	for name := range want {
		names = append(names, name)
	}
	for name := range site.Files {
		if _, ok := want[name]; !ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		got, ok := site.Files[name]
		switch {
		case !ok:
			return name + " missing"
		case want[name] == nil:
			return name + " served, not built"
		case !bytes.Equal(got, want[name]):
			return name + " differs"
		}
	}
	return ""
}
