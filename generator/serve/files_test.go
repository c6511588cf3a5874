package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"cursus/generator/config"
	"cursus/internal/sitefs"
)

func names(t *testing.T, fsys fs.FS, dir string) []string {
	t.Helper()
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func read(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestFilesRememberUntilForgotten: a build reads a file from the disk once
// until an event names it; then the file, the listing of its directory
// and what was below a path that changed are read again.
func TestFilesRememberUntilForgotten(t *testing.T) {
	disk := fstest.MapFS{
		"config.toml":           {Data: []byte("title = 'a'")},
		"content/blocs/b1.toml": {Data: []byte("one")},
		"content/blocs/b2.toml": {Data: []byte("two")},
		"content/index.md":      {Data: []byte("home")},
		"notes.txt":             {Data: []byte("mine")},
		"content/.b1.toml.swp":  {Data: []byte("vim")},
		"themes/default/a.html": {Data: []byte("theme")},
	}
	f := newFiles(disk, targetsOf(config.Default()))
	if got := read(t, f, "content/blocs/b1.toml"); got != "one" {
		t.Fatalf("first read: %q", got)
	}
	names(t, f, "content/blocs")
	disk["content/blocs/b1.toml"] = &fstest.MapFile{Data: []byte("ONE")}
	disk["content/blocs/b3.toml"] = &fstest.MapFile{Data: []byte("three")}
	if got := read(t, f, "content/blocs/b1.toml"); got != "one" {
		t.Fatalf("read again before any event: %q, want what was read (the test would not show the cache)", got)
	}
	if got := names(t, f, "content/blocs"); len(got) != 2 {
		t.Fatalf("listing before any event: %v", got)
	}
	f.forget([]string{"content/blocs/b1.toml", "content/blocs/b3.toml"})
	if got := read(t, f, "content/blocs/b1.toml"); got != "ONE" {
		t.Errorf("after its event: %q, want ONE", got)
	}
	if got := names(t, f, "content/blocs"); !slices.Equal(got, []string{"b1.toml", "b2.toml", "b3.toml"}) {
		t.Errorf("listing after a file was created: %v", got)
	}

	// A directory removed: what was below it goes too.
	read(t, f, "content/blocs/b2.toml")
	delete(disk, "content/blocs/b2.toml")
	f.forget([]string{"content/blocs"})
	if _, err := fs.ReadFile(f, "content/blocs/b2.toml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file under a removed directory: %v, want it gone", err)
	}

	// What no event covers is read every time: outside the trees, an
	// editor's artefact.
	read(t, f, "notes.txt")
	read(t, f, "content/.b1.toml.swp")
	disk["notes.txt"] = &fstest.MapFile{Data: []byte("changed")}
	disk["content/.b1.toml.swp"] = &fstest.MapFile{Data: []byte("changed")}
	for _, name := range []string{"notes.txt", "content/.b1.toml.swp"} {
		if got := read(t, f, name); got != "changed" {
			t.Errorf("%s: %q, want it read again", name, got)
		}
	}

	// An error is not remembered: the file may come.
	if _, err := fs.ReadFile(f, "content/new.md"); err == nil {
		t.Fatal("a missing file read")
	}
	disk["content/new.md"] = &fstest.MapFile{Data: []byte("new")}
	if got := read(t, f, "content/new.md"); got != "new" {
		t.Errorf("a file that was missing: %q", got)
	}

	// Lost events forget everything.
	read(t, f, "themes/default/a.html")
	read(t, f, "config.toml")
	disk["themes/default/a.html"] = &fstest.MapFile{Data: []byte("THEME")}
	disk["config.toml"] = &fstest.MapFile{Data: []byte("title = 'b'")}
	f.forget([]string{"."})
	if got := read(t, f, "themes/default/a.html"); got != "THEME" {
		t.Errorf("after lost events: %q", got)
	}
	if got := read(t, f, "config.toml"); got != "title = 'b'" {
		t.Errorf("config.toml after lost events: %q", got)
	}
}

// TestFilesReadLinksAndDistrustAgain: a symbolic link is read again every
// time (its target's events name the target); after the watcher failed,
// and after more changes than a save makes, everything is.
func TestFilesReadLinksAndDistrustAgain(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"content/a.md": "a", "content/shared/b.md": "b", "content/c.md": "c"} {
		write(t, dir, name, data)
	}
	if err := os.Symlink("shared/b.md", filepath.Join(dir, "content/link.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	root, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	f := newFiles(root, targetsOf(config.Default()))
	read(t, f, "content/link.md")
	read(t, f, "content/a.md")
	write(t, dir, "content/shared/b.md", "B")
	write(t, dir, "content/a.md", "A")
	if got := read(t, f, "content/link.md"); got != "B" {
		t.Errorf("a link: %q, want what its target says now", got)
	}
	if got := read(t, f, "content/a.md"); got != "a" {
		t.Fatalf("a file: %q, want it remembered (the test would show nothing)", got)
	}

	many := make([]string, 100)
	for i := range many {
		many[i] = fmt.Sprintf("content/other-%d.md", i)
	}
	f.forget(many) // a git checkout
	if got := read(t, f, "content/a.md"); got != "A" {
		t.Errorf("after a hundred changes elsewhere: %q, want everything read again", got)
	}

	read(t, f, "content/c.md")
	f.distrust()
	write(t, dir, "content/c.md", "C")
	if got := read(t, f, "content/c.md"); got != "C" {
		t.Errorf("after the watcher failed: %q, want it read again", got)
	}
	write(t, dir, "content/c.md", "CC")
	if got := read(t, f, "content/c.md"); got != "CC" {
		t.Errorf("after the watcher failed, the next read: %q", got)
	}
}
