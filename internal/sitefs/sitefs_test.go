package sitefs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func open(t *testing.T, dir string) *FS {
	t.Helper()
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestReadsLikeDirFS: plain files and directories read as through os.DirFS.
func TestReadsLikeDirFS(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.toml", "id = \"B1\"\n")
	write(t, dir, "content/page.md", strings.Repeat("Compétence · ", 10000))
	write(t, dir, "empty", "")
	f := open(t, dir)
	for _, name := range []string{"a.toml", "content/page.md", "empty"} {
		got, err := fs.ReadFile(f, name)
		want, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, %v; want %d bytes", name, len(got), err, len(want))
		}
	}
	for _, name := range []string{"missing", "../escape", "/abs", "a.toml/x", "content"} {
		if _, err := fs.ReadFile(f, name); err == nil {
			t.Errorf("%s: read, want an error", name)
		}
	}
	if _, err := fs.ReadFile(f, "missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	if err := fstest.TestFS(f, "a.toml", "content/page.md", "empty"); err != nil {
		t.Error(err)
	}
}

// TestLinks: a link to a file inside the site reads as the file; a link out
// of the site, a link to a directory and a broken link are refused, by
// ReadFile and by ReadDir, which still lists the other entries.
func TestLinks(t *testing.T) {
	outside := t.TempDir()
	write(t, outside, "secret.txt", "root:x:0:0")
	dir := t.TempDir()
	write(t, dir, "static/style.css", "body{}")
	write(t, dir, "shared/logo.svg", "<svg/>")
	links := map[string]string{
		"static/logo.svg":   "../shared/logo.svg",
		"static/passwd.txt": filepath.Join(outside, "secret.txt"),
		"static/up.txt":     "../../" + filepath.Base(outside) + "/secret.txt",
		"static/shared":     "../shared",
		"static/broken.css": "nowhere.css",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	f := open(t, dir)
	if got, err := fs.ReadFile(f, "static/logo.svg"); err != nil || string(got) != "<svg/>" {
		t.Errorf("link inside the site: %q, %v", got, err)
	}
	refused := map[string]error{
		"static/passwd.txt": ErrOutside,
		"static/up.txt":     ErrOutside,
		"static/shared":     nil, // a directory: ReadFile refuses it as such
		"static/broken.css": ErrBrokenLink,
	}
	for name, want := range refused {
		got, err := fs.ReadFile(f, name)
		if err == nil {
			t.Errorf("%s: read %q, want a refusal", name, got)
		} else if want != nil && !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", name, err, want)
		}
	}
	entries, err := f.ReadDir("static")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		if !e.Type().IsRegular() {
			t.Errorf("%s listed as %v", e.Name(), e.Type())
		}
	}
	if strings.Join(names, " ") != "logo.svg style.css" {
		t.Errorf("ReadDir kept %v, want logo.svg and style.css", names)
	}
	for _, want := range []string{"static/passwd.txt", "static/up.txt", "static/broken.css", "static/shared: " + ErrDirLink.Error()} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadDir error %v does not name %s", err, want)
		}
	}
	// fs.WalkDir sees the same: every refused name is reported, the rest walked.
	var walked []string
	fs.WalkDir(f, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			walked = append(walked, p)
		}
		return nil
	})
	if strings.Join(walked, " ") != "shared/logo.svg static/logo.svg static/style.css" {
		t.Errorf("walked %v", walked)
	}
}
