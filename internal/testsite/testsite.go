// Package testsite copies sites for tests that edit files: the bundled
// site of the repository, or any directory tree.
package testsite

import (
	"os"
	"path/filepath"
	"testing"
)

// Copy copies the tree at from into to, creating directories as needed.
func Copy(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Bundled copies the site at root (content/, themes/, config.toml) into a
// new temporary directory and returns it.
func Bundled(t testing.TB, root string) string {
	t.Helper()
	dst := t.TempDir()
	for _, top := range []string{"content", "themes", "config.toml"} {
		Copy(t, filepath.Join(root, top), filepath.Join(dst, top))
	}
	return dst
}
