package serve

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"cursus/generator/config"
)

// siteDir makes a minimal site tree to watch.
func siteDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content/blocs", "themes/default/layouts", "themes/other/layouts", "public"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, dir, "config.toml", `theme = "default"`)
	write(t, dir, "content/blocs/b1.toml", "id = 1")
	return dir
}

func write(t *testing.T, dir, rel, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// atomicWrite saves the way most editors do: a temporary file renamed
// over the original.
func atomicWrite(t *testing.T, dir, rel, data string) {
	t.Helper()
	write(t, dir, rel+".tmp", data)
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.Rename(p+".tmp", p); err != nil {
		t.Fatal(err)
	}
}

// vimWrite saves the way vim does with backupcopy=no: probe file 4913,
// original renamed to a backup, new file written, backup removed.
func vimWrite(t *testing.T, dir, rel, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	write(t, dir, path.Dir(rel)+"/4913", "")
	os.Remove(filepath.Join(filepath.Dir(p), "4913"))
	if err := os.Rename(p, p+"~"); err != nil {
		t.Fatal(err)
	}
	write(t, dir, rel, data)
	os.Remove(p + "~")
}

func TestWatcher(t *testing.T) {
	dir := siteDir(t)
	changes := make(chan string, 100)
	w, err := newWatcher(dir, targetsOf(config.Default()), changes, func(err error) { t.Errorf("warning: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.run(ctx)

	other := config.Default()
	other.Theme = "other"
	steps := []struct {
		name string
		do   func()
		want []string // each must be reported
	}{
		{"plain write", func() { write(t, dir, "content/blocs/b1.toml", "id = 2") }, []string{"content/blocs/b1.toml"}},
		{"atomic save", func() { atomicWrite(t, dir, "content/blocs/b1.toml", "id = 3") }, []string{"content/blocs/b1.toml"}},
		{"vim save", func() { vimWrite(t, dir, "content/blocs/b1.toml", "id = 4") }, []string{"content/blocs/b1.toml"}},
		{"config", func() { atomicWrite(t, dir, "config.toml", `theme = "default"`) }, []string{"config.toml"}},
		{"theme template", func() { write(t, dir, "themes/default/layouts/bloc.html", "x") }, []string{"themes/default/layouts/bloc.html"}},
		{"site words, i18n/ made after the start", func() { write(t, dir, "i18n/fr.toml", `home = "Début"`) }, []string{"i18n/fr.toml"}},
		{"new page in new directories", func() { write(t, dir, "content/nouveau/sous/page.md", "+++\n+++\n") },
			[]string{"content/nouveau/sous/page.md"}},
		{"then saved again", func() { atomicWrite(t, dir, "content/nouveau/sous/page.md", "+++\n+++\nx") },
			[]string{"content/nouveau/sous/page.md"}},
		{"directory removed", func() { os.RemoveAll(filepath.Join(dir, "content/nouveau")) }, []string{"content/nouveau"}},
		{"and made again", func() { write(t, dir, "content/nouveau/sous/page.md", "again") },
			[]string{"content/nouveau/sous/page.md"}},
		{"file deleted", func() { os.Remove(filepath.Join(dir, "content/blocs/b1.toml")) }, []string{"content/blocs/b1.toml"}},
		{"and recreated", func() { write(t, dir, "content/blocs/b1.toml", "id = 5") }, []string{"content/blocs/b1.toml"}},
		{"directory renamed", func() {
			os.Rename(filepath.Join(dir, "content/nouveau"), filepath.Join(dir, "content/renomme"))
		}, []string{"content/nouveau", "content/renomme"}},
		{"written in the renamed directory", func() { write(t, dir, "content/renomme/sous/page.md", "moved") },
			[]string{"content/renomme/sous/page.md"}},
		{"the directory above the theme moved away", func() {
			if err := os.Rename(filepath.Join(dir, "themes"), filepath.Join(dir, "themes-old")); err != nil {
				t.Fatal(err)
			}
		}, []string{"themes"}},
		{"and moved back", func() {
			if err := os.Rename(filepath.Join(dir, "themes-old"), filepath.Join(dir, "themes")); err != nil {
				t.Fatal(err)
			}
		}, []string{"themes"}},
		{"theme changed", func() {
			if err := w.retarget(targetsOf(other)); err != nil {
				t.Fatal(err)
			}
			write(t, dir, "themes/other/layouts/bloc.html", "y")
		}, []string{"themes/other/layouts/bloc.html"}},
		{"whole tree recreated", func() {
			os.RemoveAll(filepath.Join(dir, "themes/other"))
			write(t, dir, "themes/other/layouts/base.html", "z")
		}, []string{"themes/other/layouts/base.html"}},
	}
	for _, st := range steps {
		st.do()
		for _, want := range st.want {
			waitFor(t, st.name, changes, want)
		}
	}

	// Noise: nothing of it may come through.
	drain(changes, 50*time.Millisecond)
	write(t, dir, "public/index.html", "out")
	write(t, dir, "README.md", "notes")
	write(t, dir, "content/blocs/.b1.toml.swp", "swap")
	write(t, dir, "content/blocs/b1.toml~", "backup")
	write(t, dir, "content/blocs/.#b1.toml", "lock")
	write(t, dir, "themes/default/layouts/bloc.html", "old theme")
	write(t, dir, "content/.git/HEAD", "ref")
	if got := drain(changes, 100*time.Millisecond); len(got) > 0 {
		t.Errorf("noise reported as changes: %q", got)
	}
}

func waitFor(t *testing.T, step string, changes <-chan string, want string) {
	t.Helper()
	deadline := time.After(2 * time.Second)
	var seen []string
	for {
		select {
		case p := <-changes:
			if p == want {
				return
			}
			seen = append(seen, p)
		case <-deadline:
			t.Fatalf("%s: %s not reported (saw %s)", step, want, strings.Join(seen, ", "))
		}
	}
}

func drain(changes <-chan string, quiet time.Duration) []string {
	var got []string
	for {
		select {
		case p := <-changes:
			got = append(got, p)
		case <-time.After(quiet):
			return got
		}
	}
}

func TestPoller(t *testing.T) {
	dir := siteDir(t)
	changes := make(chan string, 100)
	p := newPoller(dir, targetsOf(config.Default()), 10*time.Millisecond, changes)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go p.run(ctx)
	write(t, dir, "content/blocs/b1.toml", "id = 22") // same second, other size
	waitFor(t, "write", changes, "content/blocs/b1.toml")
	atomicWrite(t, dir, "content/nouveau/page.md", "x")
	waitFor(t, "new directory", changes, "content/nouveau/page.md")
	os.Remove(filepath.Join(dir, "content/nouveau/page.md"))
	waitFor(t, "delete", changes, "content/nouveau/page.md")
	write(t, dir, "public/x.html", "x")
	write(t, dir, "content/blocs/b1.toml.swp", "x")
	if got := drain(changes, 50*time.Millisecond); len(got) > 0 {
		t.Errorf("noise reported as changes: %q", got)
	}
}

func TestWatchErr(t *testing.T) {
	msg := watchErr(os.NewSyscallError("inotify_add_watch", syscall.ENOSPC)).Error()
	for _, want := range []string{"fs.inotify.max_user_watches", "--poll"} {
		if !strings.Contains(msg, want) {
			t.Errorf("watchErr(ENOSPC) = %q, want it to mention %s", msg, want)
		}
	}
}
