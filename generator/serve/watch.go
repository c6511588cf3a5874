package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// watcher turns fsnotify events under a site root into changed paths
// (slash, relative to the root). fsnotify is not recursive and editors save
// by writing a temporary file and renaming it over the original, so it
// watches directories, never files: every directory of each tree, plus the
// directories on the way to the trees (for config.toml, and for a tree that
// is deleted and recreated).
type watcher struct {
	root    string
	fsw     *fsnotify.Watcher
	changes chan<- string
	warn    func(error)

	mu   sync.Mutex
	t    targets
	dirs map[string]bool // watched directories, relative
}

func newWatcher(root string, t targets, changes chan<- string, warn func(error)) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, watchErr(err)
	}
	w := &watcher{root: root, fsw: fsw, changes: changes, warn: warn, dirs: map[string]bool{}}
	if err := w.retarget(t); err != nil {
		fsw.Close()
		return nil, err
	}
	return w, nil
}

// retarget switches the watched trees to t (after config.toml changed the
// theme or the content directory), keeping the watches that stay.
func (w *watcher) retarget(t targets) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.t = t
	for d := range w.dirs {
		if !w.wanted(d) {
			w.unwatch(d)
		}
	}
	if err := w.watch("."); err != nil {
		return err
	}
	for _, tr := range t.trees {
		for _, d := range ancestors(tr) {
			if err := w.watch(d); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		if _, err := w.addTree(tr); err != nil {
			return err
		}
	}
	return nil
}

// wanted reports whether directory d belongs to the current targets.
func (w *watcher) wanted(d string) bool {
	return w.t.onPath(d) || w.t.tree(d) != "" && w.t.relevant(d)
}

// ancestors lists the directories strictly between the root and tree.
func ancestors(tree string) []string {
	var out []string
	for d := filepath.ToSlash(filepath.Dir(tree)); d != "." && d != "/"; d = filepath.ToSlash(filepath.Dir(d)) {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// addTree watches dir and every directory below it, and returns the files
// found, which a caller reports as changed: they may have been written
// before the watch existed.
func (w *watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(filepath.Join(w.root, dir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // a tree that does not exist (yet): the build says so
			}
			return err
		}
		rel := w.rel(p)
		if !w.t.relevant(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, rel)
			return nil
		}
		return w.watch(rel)
	})
	return files, err
}

func (w *watcher) watch(rel string) error {
	if w.dirs[rel] {
		return nil
	}
	if err := w.fsw.Add(filepath.Join(w.root, rel)); err != nil {
		return watchErr(err)
	}
	w.dirs[rel] = true
	return nil
}

// unwatch forgets rel and every directory below it. The kernel has already
// dropped the watches of a deleted directory; Remove just fails then.
func (w *watcher) unwatch(rel string) {
	for d := range w.dirs {
		if within(d, rel) {
			w.fsw.Remove(filepath.Join(w.root, d))
			delete(w.dirs, d)
		}
	}
}

func (w *watcher) rel(p string) string {
	r, err := filepath.Rel(w.root, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}

// run forwards relevant changes until ctx is done.
func (w *watcher) run(ctx context.Context) {
	defer w.fsw.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			for _, p := range w.handle(ev) {
				select {
				case w.changes <- p:
				case <-ctx.Done():
					return
				}
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.warn(watchErr(err))
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: rebuild anyway rather than miss a save.
				select {
				case w.changes <- ".":
				case <-ctx.Done():
					return
				}
			}
		}
	}
}

// handle updates the watches for one event and returns the changed paths it
// stands for.
func (w *watcher) handle(ev fsnotify.Event) []string {
	if ev.Op == fsnotify.Chmod {
		return nil // touch, chmod: the content did not change
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	rel := w.rel(ev.Name)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if w.dirs[rel] {
			w.unwatch(rel)
		}
	}
	if w.t.onPath(rel) && ev.Has(fsnotify.Create) {
		// A directory on the way to a tree was (re)created: watch the way
		// down and the tree itself, if they are there yet.
		w.retargetLocked()
		return []string{rel}
	}
	if w.t.onPath(rel) && rel != "." && (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) {
		return []string{rel} // a tree went with it ("themes" moved away)
	}
	if !w.t.relevant(rel) {
		return nil
	}
	changed := []string{rel}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			files, err := w.addTree(rel)
			if err != nil {
				w.warn(err)
			}
			changed = append(changed, files...)
		}
	}
	return changed
}

func (w *watcher) retargetLocked() {
	for _, tr := range w.t.trees {
		for _, d := range ancestors(tr) {
			w.watch(d)
		}
		if _, err := w.addTree(tr); err != nil {
			w.warn(err)
		}
	}
}

// watchErr explains the errors a user can act on.
func watchErr(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("watch: the system's limit of watched directories is reached (%v); "+
			"raise it with: sudo sysctl fs.inotify.max_user_watches=524288 "+
			"(add the setting to /etc/sysctl.conf to keep it), or run cursus serve --poll 500ms", err)
	case errors.Is(err, syscall.EMFILE):
		return fmt.Errorf("watch: too many file watchers open (%v); "+
			"raise the limit with: sudo sysctl fs.inotify.max_user_instances=512, or run cursus serve --poll 500ms", err)
	case errors.Is(err, fsnotify.ErrEventOverflow):
		return fmt.Errorf("watch: %v; some changes may have been missed: save again to rebuild", err)
	}
	return fmt.Errorf("watch: %w", err)
}
