package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// NewSite writes a new site into dest: the files of skeleton (config.toml,
// content/) and the theme under themes/themeName. It refuses a dest that
// exists and is not an empty directory, and so never overwrites a file.
func NewSite(dest string, skeleton, theme fs.FS, themeName string) error {
	entries, err := os.ReadDir(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dest, 0o755); err != nil {
			return fmt.Errorf("new: %w", err)
		}
	case err != nil:
		return fmt.Errorf("new: %s n'est pas un dossier que l'on peut lire : %w", dest, err)
	case len(entries) > 0:
		return fmt.Errorf("new: %s existe et n'est pas vide : choisissez un dossier nouveau ou vide", filepath.Clean(dest))
	}
	root, err := os.OpenRoot(dest)
	if err != nil {
		return fmt.Errorf("new: %w", err)
	}
	defer root.Close()
	if err := copyTree(root, ".", skeleton); err != nil {
		return err
	}
	return copyTree(root, path.Join("themes", themeName), theme)
}

// copyTree copies every file of fsys under dir of root.
func copyTree(root *os.Root, dir string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("new: %w", err)
		}
		target := path.Join(dir, p)
		if d.IsDir() {
			if err := root.MkdirAll(target, 0o755); err != nil {
				return fmt.Errorf("new: %w", err)
			}
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("new: %w", err)
		}
		f, err := root.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("new: %w", err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("new: %w", err)
		}
		return nil
	})
}
