package sitefs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestReadFileAsDirFS: every file, size and error reads as through
// os.DirFS, which the rest of the file system is.
func TestReadFileAsDirFS(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty":             nil,
		"a.toml":            []byte("id = \"B1\"\n"),
		"content/page.md":   bytes.Repeat([]byte("Compétence · "), 10000), // several reads' worth
		"content/exact4096": bytes.Repeat([]byte("x"), 4096),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("a.toml", filepath.Join(dir, "link"))
	fsys, ref := New(dir), os.DirFS(dir)
	for _, name := range []string{"empty", "a.toml", "content/page.md", "content/exact4096", "link", "content", "missing", "content/missing/x", "../escape", "/abs", "a.toml/x", ""} {
		got, err := fs.ReadFile(fsys, name)
		want, wantErr := fs.ReadFile(ref, name)
		if !bytes.Equal(got, want) || (err == nil) != (wantErr == nil) {
			t.Errorf("%q: got %d bytes, %v; os.DirFS gives %d bytes, %v", name, len(got), err, len(want), wantErr)
			continue
		}
		if err != nil && (err.Error() != wantErr.Error() || errors.Is(err, fs.ErrNotExist) != errors.Is(wantErr, fs.ErrNotExist)) {
			t.Errorf("%q: error %q, os.DirFS says %q", name, err, wantErr)
		}
	}
	if err := fstest.TestFS(fsys, "a.toml", "content/page.md", "empty"); err != nil {
		t.Error(err)
	}
}
