package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/BurntSushi/toml"
)

// Write writes the files of r under dir, the content directory. Every file
// is checked first (a clean relative path, valid TOML) and written to a
// temporary file beside its target; only when all of them are written are
// they renamed into place, so an error leaves dir as it was. Files whose
// bytes are already on disk are not touched.
func Write(dir string, r *Result) error {
	if r == nil {
		return errors.New("import: nothing to write")
	}
	paths := make([]string, 0, len(r.Files))
	for p := range r.Files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		if err := validFile(p, r.Files[p]); err != nil {
			return err
		}
		// A rename fails on a directory; find that out before any rename.
		target := filepath.Join(dir, filepath.FromSlash(p))
		if fi, err := os.Stat(target); err == nil && !fi.Mode().IsRegular() {
			return fmt.Errorf("import: %s exists and is not a regular file", target)
		}
	}
	var pending []pendingFile
	cleanup := func() {
		for _, f := range pending {
			os.Remove(f.tmp)
		}
	}
	for _, p := range paths {
		target := filepath.Join(dir, filepath.FromSlash(p))
		if old, err := os.ReadFile(target); err == nil && bytes.Equal(old, r.Files[p]) {
			continue
		}
		tmp, err := writeTemp(target, r.Files[p])
		if err != nil {
			cleanup()
			return fmt.Errorf("import: writing %s: %w", target, err)
		}
		pending = append(pending, pendingFile{tmp, target})
	}
	for i, f := range pending {
		if err := os.Rename(f.tmp, f.target); err != nil {
			for _, g := range pending[i:] {
				os.Remove(g.tmp)
			}
			return fmt.Errorf("import: writing %s: %w", f.target, err)
		}
	}
	return syncDirs(pending)
}

// syncDirs makes the renames durable: a rename is an entry of its
// directory, which must reach the disk too, or a crash can bring back the
// old file after Write said it was replaced. Sources are what faculty
// cannot rebuild.
func syncDirs(files []pendingFile) error {
	done := map[string]bool{}
	for _, f := range files {
		dir := filepath.Dir(f.target)
		if done[dir] {
			continue
		}
		done[dir] = true
		d, err := os.Open(dir)
		if err != nil {
			continue // some systems cannot open a directory: nothing to sync
		}
		err = d.Sync()
		d.Close()
		// Some file systems do not sync directories (EINVAL).
		if err != nil && !errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, syscall.EINVAL) {
			return fmt.Errorf("import: syncing %s: %w", dir, err)
		}
	}
	return nil
}

type pendingFile struct{ tmp, target string }

// validFile refuses what Import never produces, so that a Result built or
// altered by hand cannot write outside dir or leave broken content.
func validFile(p string, data []byte) error {
	if !fs.ValidPath(p) || p == "." || !strings.HasSuffix(p, ".toml") && !strings.HasSuffix(p, ".md") {
		return fmt.Errorf("import: %q is not a relative path to a .toml or .md file", p)
	}
	front := string(data)
	if strings.HasSuffix(p, ".md") { // a métier page: TOML front matter between +++ lines
		f, _, ok := strings.Cut(strings.TrimPrefix(front, "+++\n"), "\n+++\n")
		if !ok || !strings.HasPrefix(front, "+++\n") {
			return fmt.Errorf("import: %s would have no front matter", p)
		}
		front = f
	}
	var v map[string]any
	if _, err := toml.Decode(front, &v); err != nil {
		return fmt.Errorf("import: %s would not be valid TOML: %w", p, err)
	}
	return nil
}

// writeTemp writes data to a new temporary file in the directory of target
// (created if needed), synced to disk, and returns its name.
func writeTemp(target string, data []byte) (string, error) {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
