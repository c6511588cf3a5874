package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// dirSink publishes a site into a directory, dest, so that a failed build
// leaves dest as it was. Every file operation goes through an os.Root of
// dest's parent directory: no write can follow a symbolic link out of it.
//
// When dest does not exist yet, or holds no file, every file goes into a
// new directory beside it, which is renamed to dest at commit.
//
// When dest already holds a site, rebuilding it whole would create, and then
// delete, one file and one directory per page, and creating and deleting are
// what a file system does slowest (0.2 ms or more each on this project's CI
// disks, against 12 µs to read and compare a small file). So the sink
// compares each file with the one in dest and stages only those that differ
// into the new directory beside dest; commit renames them into place, then
// removes the files and directories of dest that the new build did not
// produce. Until commit, dest is untouched; files that did not change keep
// their inode and modification time, which also spares rsync-style deploys
// and caches. A dest holding a symbolic link or anything but plain files and
// directories is replaced whole instead.
//
// The published site is not fsynced: it can always be built again, and
// syncing thousands of files would take longer than building them.
type dirSink struct {
	parent *os.Root
	dest   string // base name of dest in parent
	path   string // dest, as given: same reads through it
	stage  string // base name of the staging directory in parent
	// update is true when dest holds a site to update in place; old has
	// its slash paths, files (true) and directories (false).
	update bool
	old    map[string]bool

	dirs    sync.Map  // directories made under the stage
	buffers sync.Pool // for same: pieces of published files being compared

	mu      sync.Mutex
	written map[string]bool // update: every path published, staged or kept
	staged  []string        // update: paths to rename from stage into dest
}

// stagePrefix starts the name of a staging directory beside dest.
func stagePrefix(dest string) string { return "." + dest + ".new-" }

// newDirSink opens dest for publishing. It refuses a dest that is not a
// directory, or a non-empty one that does not look like a site cursus
// published (see looksPublished): publishing removes whatever the site does
// not produce, and a mistyped -d must not empty someone's documents.
func newDirSink(dest string) (*dirSink, error) {
	dest = filepath.Clean(dest)
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	parent, err := os.OpenRoot(filepath.Dir(dest))
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	w := &dirSink{parent: parent, dest: filepath.Base(dest), path: dest, written: map[string]bool{}}
	fail := func(err error) (*dirSink, error) {
		parent.Close()
		return nil, err
	}
	fi, err := parent.Lstat(w.dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fail(fmt.Errorf("write: %w", err))
	case fi.Mode()&fs.ModeSymlink != 0:
		return fail(fmt.Errorf("write: %s is a symbolic link: give the directory it points to", dest))
	case !fi.IsDir():
		return fail(fmt.Errorf("write: %s exists and is not a directory", dest))
	default:
		old, plain, err := scanSite(dest)
		if err != nil {
			return fail(fmt.Errorf("write: %w", err))
		}
		if !looksPublished(old) {
			return fail(fmt.Errorf("write: %s is not empty and does not look like a site cursus published (an index.html, no .md or .toml file): publishing would delete what it holds; empty it or choose another destination", dest))
		}
		w.old, w.update = old, plain && len(old) > 0
	}
	w.removeOldStages()
	name, err := w.makeStage()
	if err != nil {
		return fail(err)
	}
	w.stage = name
	return w, nil
}

// looksPublished reports whether the entries of a directory (as scanSite
// lists them) are those of a published site, or none at all.
func looksPublished(entries map[string]bool) bool {
	if len(entries) == 0 {
		return true
	}
	if !entries["index.html"] {
		return false
	}
	for name, isFile := range entries {
		if ext := path.Ext(name); isFile && (ext == ".md" || ext == ".toml") {
			return false
		}
	}
	return true
}

// removeOldStages removes the staging directories that a build killed
// while publishing left beside dest.
func (w *dirSink) removeOldStages() {
	entries, err := fs.ReadDir(w.parent.FS(), ".")
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), stagePrefix(w.dest)) {
			w.parent.RemoveAll(e.Name())
		}
	}
}

func (w *dirSink) makeStage() (string, error) {
	for i := 0; ; i++ {
		name := fmt.Sprintf("%s%d-%d", stagePrefix(w.dest), os.Getpid(), i)
		err := w.parent.Mkdir(name, 0o755)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("write: %w", err)
		}
	}
}

// hidden reports whether a top-level entry of the output is left alone:
// deployment tools keep theirs there (.git, .nojekyll). cursus publishes
// such a name only for a host of [publish] hosts (.htaccess): it replaces
// the one in the output, and stays when that host is no longer named.
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// scanSite lists the files and directories under dir, but the hidden ones
// at its top. plain is false when dir holds anything else than plain files
// and directories. It reads dir by its path rather than through the root
// (one system call per directory instead of one per directory of its
// path); it follows no link, and only reads.
func scanSite(dir string) (entries map[string]bool, plain bool, err error) {
	entries, plain = map[string]bool{}, true
	var walk func(rel string) error
	walk = func(rel string) error {
		f, err := openToRead(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		list, err := f.ReadDir(-1)
		f.Close()
		if err != nil {
			return err
		}
		for _, e := range list {
			if rel == "." && hidden(e.Name()) {
				continue
			}
			p := path.Join(rel, e.Name())
			switch {
			case e.Type().IsRegular():
				entries[p] = true
			case e.IsDir():
				entries[p] = false
				if err := walk(p); err != nil {
					return err
				}
			default:
				entries[p] = true
				plain = false
			}
		}
		return nil
	}
	return entries, plain, walk(".")
}

// openToRead opens a file or directory of the published site to read it,
// without following a link in its place.
//
// O_NONBLOCK changes nothing to reading a file or a directory, but opened
// without it, os.OpenFile switches the descriptor to non-blocking and back
// again around a failed registration with the poller: four fcntl calls per
// file, a hundred thousand on a rebuild of the 6,000-page site.
func openToRead(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}

// put publishes one file. It may be called from many goroutines.
func (w *dirSink) put(name string, data []byte) error {
	if !safePath(name) {
		return fmt.Errorf("write: output path %q leaves the destination", name)
	}
	if w.update {
		// Stale files are those of the old site not written again.
		w.mu.Lock()
		w.written[name] = true
		w.mu.Unlock()
		if w.old[name] && w.same(name, data) {
			return nil
		}
	}
	p := w.stage + "/" + name
	if err := w.mkdir(path.Dir(p)); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := w.parent.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if w.update {
		w.mu.Lock()
		w.staged = append(w.staged, name)
		w.mu.Unlock()
	}
	return nil
}

// same reports whether the published file name holds exactly data. It
// reads the file in pieces of a buffer reused across files: a rebuild of
// thousands of pages compares tens of megabytes.
//
// It is the one read that does not go through the root: it opens the
// file by its path, one system call where the root walks every directory
// of the path. It only reads, never follows a link in place of the file,
// and runs only when dest held nothing but plain files and directories
// when the build began; every write still goes through the root.
func (w *dirSink) same(name string, data []byte) bool {
	f, err := openToRead(filepath.Join(w.path, filepath.FromSlash(name)))
	if err != nil {
		return false
	}
	defer f.Close()
	bp, _ := w.buffers.Get().(*[]byte)
	if bp == nil {
		b := make([]byte, 64<<10)
		bp = &b
	}
	defer w.buffers.Put(bp)
	buf := *bp
	for {
		n, err := io.ReadFull(f, buf)
		if n > len(data) || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return len(data) == 0
		}
		if err != nil {
			return false
		}
	}
}

// mkdir makes dir and its parents under the stage, once.
func (w *dirSink) mkdir(dir string) error {
	if _, ok := w.dirs.Load(dir); ok || dir == w.stage {
		return nil
	}
	if err := w.parent.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	w.dirs.Store(dir, true)
	return nil
}

// abort forgets the build: dest is left as it was.
func (w *dirSink) abort() {
	w.parent.RemoveAll(w.stage)
	w.parent.Close()
}

// commit makes dest the new site.
func (w *dirSink) commit() error {
	defer w.parent.Close()
	if !w.update {
		return w.swap()
	}
	err := w.apply()
	w.parent.RemoveAll(w.stage)
	return err
}

// swap replaces dest by the stage with two renames; the old site is removed
// last, once its hidden top-level entries have moved into the new one.
func (w *dirSink) swap() error {
	old := ""
	if _, err := w.parent.Lstat(w.dest); err == nil {
		old = w.stage + ".old"
		if err := w.parent.Rename(w.dest, old); err != nil {
			w.parent.RemoveAll(w.stage)
			return fmt.Errorf("write: %w", err)
		}
	}
	if err := w.parent.Rename(w.stage, w.dest); err != nil {
		if old != "" {
			w.parent.Rename(old, w.dest)
		}
		w.parent.RemoveAll(w.stage)
		return fmt.Errorf("write: %w", err)
	}
	if old != "" {
		entries, _ := fs.ReadDir(w.parent.FS(), old)
		for _, e := range entries {
			// A hidden entry the new site publishes (.htaccess for
			// [publish] hosts) replaces the old one.
			if _, err := w.parent.Lstat(w.dest + "/" + e.Name()); hidden(e.Name()) && errors.Is(err, fs.ErrNotExist) {
				w.parent.Rename(old+"/"+e.Name(), w.dest+"/"+e.Name())
			}
		}
		w.parent.RemoveAll(old)
	}
	return nil
}

// apply moves the staged files into dest, then removes what the new site no
// longer has.
func (w *dirSink) apply() error {
	sort.Strings(w.staged)
	made := map[string]bool{}
	for _, name := range w.staged {
		if err := w.makeParents(name, made); err != nil {
			return err
		}
		target := w.dest + "/" + name
		if isFile, ok := w.old[name]; ok && !isFile {
			// A directory of the old site stands where the new one has a file.
			if err := w.parent.RemoveAll(target); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			delete(w.old, name)
		}
		if err := w.parent.Rename(w.stage+"/"+name, target); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	// Stale entries, deepest first, so a directory is empty when its turn
	// comes. Directories that still hold a published file are kept.
	keep := map[string]bool{}
	for name := range w.written {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			if keep[d] {
				break
			}
			keep[d] = true
		}
	}
	var stale []string
	for name, isFile := range w.old {
		if isFile && !w.written[name] || !isFile && !keep[name] {
			stale = append(stale, name)
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(stale)))
	for _, name := range stale {
		// Gone already when a directory above it was replaced by a file.
		err := w.parent.Remove(w.dest + "/" + name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) && !isNotDir(err) {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}

// isNotDir reports an error of a path whose parent is now a file.
func isNotDir(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "not a directory")
}

// makeParents creates the directories of name that dest lacks, removing a
// file of the old site that stands where a directory must go.
func (w *dirSink) makeParents(name string, made map[string]bool) error {
	dir := path.Dir(name)
	if dir == "." || made[dir] {
		return nil
	}
	if err := w.makeParents(dir, made); err != nil {
		return err
	}
	made[dir] = true
	isFile, exists := w.old[dir]
	if exists && !isFile {
		return nil
	}
	p := w.dest + "/" + dir
	if exists {
		if err := w.parent.Remove(p); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		delete(w.old, dir)
	}
	if err := w.parent.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// safePath reports whether a slash path stays inside the output root.
func safePath(name string) bool {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || strings.ContainsRune(name, 0) {
		return false
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}
