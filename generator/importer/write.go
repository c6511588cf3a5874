package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/BurntSushi/toml"

	"cursus/generator/msg"
)

// Write writes the files of r under dir, the content directory, and
// removes the bloc files of r.Remove: all of it or nothing. Every file is
// checked first (a clean relative path, valid TOML; a removal only a
// blocs/bN.toml file, the importer's own) and written to a temporary file
// beside its target, with a copy of the file it replaces; only then are
// they renamed into place, and if one rename fails, those done are undone,
// so an error leaves dir as it was. Files whose bytes are already on disk
// are not touched.
func Write(dir string, r *Result) error {
	return swapper{rename: os.Rename}.write(dir, r)
}

// swapper does the renames of Write; a test gives it one that fails.
type swapper struct {
	rename func(oldpath, newpath string) error
}

func (s swapper) write(dir string, r *Result) error {
	if r == nil {
		return errors.New("import: nothing to write")
	}
	paths := slices.Sorted(maps.Keys(r.Files))
	for _, p := range paths {
		if err := validFile(p, r.Files[p]); err != nil {
			return err
		}
	}
	for _, p := range r.Remove {
		if !ownBlocFile(p) || r.Files[p] != nil {
			return fmt.Errorf("import: %q is not a bloc file the import may remove", p)
		}
	}
	for _, p := range append(slices.Clone(paths), r.Remove...) {
		// A rename fails on a directory; find that out before any rename.
		target := filepath.Join(dir, filepath.FromSlash(p))
		if fi, err := os.Lstat(target); err == nil && !fi.Mode().IsRegular() {
			return r.fail(nil, msg.WriteNotRegular, target)
		}
	}
	steps, err := stage(dir, r, paths)
	if err != nil {
		return err
	}
	for i, st := range steps {
		if err := st.do(s.rename); err != nil {
			for j := i - 1; j >= 0; j-- {
				steps[j].undo(s.rename)
			}
			cleanup(steps)
			return r.fail(err, msg.WriteFailed, st.target, err)
		}
	}
	cleanup(steps)
	return syncDirs(r, steps)
}

// step is one change of Write: a file written (tmp renamed over target,
// backup holding what target held, if anything) or removed (target renamed
// to backup).
type step struct {
	tmp, target, backup string
	remove              bool
}

func (st step) do(rename func(string, string) error) error {
	if st.remove {
		return rename(st.target, st.backup)
	}
	return rename(st.tmp, st.target)
}

// undo puts back what target held before do.
func (st step) undo(rename func(string, string) error) {
	if st.backup == "" {
		os.Remove(st.target) // a file the import created
		return
	}
	rename(st.backup, st.target)
}

// cleanup removes the temporary files and backups that are left.
func cleanup(steps []step) {
	for _, st := range steps {
		if st.tmp != "" {
			os.Remove(st.tmp)
		}
		if st.backup != "" {
			os.Remove(st.backup)
		}
	}
}

// stage writes every new file and every backup beside its target.
func stage(dir string, r *Result, paths []string) ([]step, error) {
	var steps []step
	fail := func(target string, err error) ([]step, error) {
		cleanup(steps)
		return nil, r.fail(err, msg.WriteFailed, target, err)
	}
	for _, p := range paths {
		target := filepath.Join(dir, filepath.FromSlash(p))
		old, err := os.ReadFile(target)
		exists := err == nil
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			// A file it cannot keep a copy of is a file it could not
			// put back if a later one failed.
			return fail(target, err)
		}
		if exists && bytes.Equal(old, r.Files[p]) {
			continue
		}
		st := step{target: target}
		if exists {
			if st.backup, err = writeTemp(target, ".old", old); err != nil {
				return fail(target, err)
			}
		}
		steps = append(steps, st) // before a failure below: cleanup removes its backup
		if steps[len(steps)-1].tmp, err = writeTemp(target, ".tmp", r.Files[p]); err != nil {
			return fail(target, err)
		}
	}
	for _, p := range r.Remove {
		target := filepath.Join(dir, filepath.FromSlash(p))
		if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		// An empty file reserves the backup's name; the rename replaces it.
		backup, err := writeTemp(target, ".old", nil)
		if err != nil {
			return fail(target, err)
		}
		steps = append(steps, step{target: target, backup: backup, remove: true})
	}
	return steps, nil
}

// ownBlocFile reports whether p is a bloc file the importer writes, the
// only kind of file it may remove.
func ownBlocFile(p string) bool {
	dir, name := path.Split(p)
	return dir == "blocs/" && blocFile().MatchString(name)
}

// syncDirs makes the renames durable: a rename is an entry of its
// directory, which must reach the disk too, or a crash can bring back the
// old file after Write said it was replaced. Sources are what faculty
// cannot rebuild. Its error is in r's language.
func syncDirs(r *Result, files []step) error {
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
			return r.fail(err, msg.WriteSync, dir, err)
		}
	}
	return nil
}

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
// (created if needed), named after it with suffix, hidden, synced to disk,
// and returns its name.
func writeTemp(target, suffix string, data []byte) (string, error) {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+suffix+"*")
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
