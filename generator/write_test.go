package generator

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tree lists every file (with its content) and directory under dir, as
// slash paths; directories end in a slash.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			got[rel+"/"] = ""
		case d.Type()&fs.ModeSymlink != 0:
			got[rel] = "symlink"
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got[rel] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// want gives the tree a site of files must leave: its files and every
// directory above them.
func want(files map[string][]byte) map[string]string {
	w := map[string]string{}
	for name, data := range files {
		w[name] = string(data)
		for d := filepath.ToSlash(filepath.Dir(name)); d != "."; d = filepath.ToSlash(filepath.Dir(d)) {
			w[d+"/"] = ""
		}
	}
	return w
}

func diffTrees(t *testing.T, got, want map[string]string) {
	t.Helper()
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		g, gok := got[k]
		w, wok := want[k]
		switch {
		case !wok:
			t.Errorf("%s: left in the output", k)
		case !gok:
			t.Errorf("%s: missing", k)
		case g != w:
			t.Errorf("%s = %q, want %q", k, g, w)
		}
	}
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

// TestRepublishUpdatesInPlace publishes a site over an older one: the result
// must be exactly the new site, with the files that did not change left as
// they were, not rewritten.
func TestRepublishUpdatesInPlace(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first := map[string][]byte{
		"index.html":          []byte("accueil"),
		"blocs/b1/index.html": []byte("bloc 1"),
		"blocs/b2/index.html": []byte("bloc 2"),
		"gone/index.html":     []byte("page retirée"),
		"gone/deep/x.css":     []byte("x"),
		"becomes-dir":         []byte("un fichier"),
		"becomes-file/a.html": []byte("un dossier"),
		"same-size.html":      []byte("aaaa"),
	}
	if err := Write(&Output{Files: first}, dest); err != nil {
		t.Fatal(err)
	}
	// Things a person or another tool left in the output.
	os.WriteFile(filepath.Join(dest, "stray.txt"), []byte("?"), 0o644)
	os.MkdirAll(filepath.Join(dest, "empty", "dir"), 0o755)

	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for name := range first {
		if err := os.Chtimes(filepath.Join(dest, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	keptInode := inode(t, filepath.Join(dest, "blocs/b1/index.html"))

	second := map[string][]byte{
		"index.html":             []byte("accueil"),
		"blocs/b1/index.html":    []byte("bloc 1"),
		"blocs/b2/index.html":    []byte("bloc 2, revu"),
		"blocs/b3/index.html":    []byte("bloc 3"),
		"becomes-dir/index.html": []byte("maintenant un dossier"),
		"becomes-file":           []byte("maintenant un fichier"),
		"same-size.html":         []byte("bbbb"),
	}
	if err := Write(&Output{Files: second}, dest); err != nil {
		t.Fatal(err)
	}
	diffTrees(t, tree(t, dest), want(second))

	for _, name := range []string{"index.html", "blocs/b1/index.html"} {
		fi, err := os.Stat(filepath.Join(dest, name))
		if err != nil {
			t.Fatal(err)
		}
		if !fi.ModTime().Equal(old) {
			t.Errorf("%s was rewritten though it did not change (modified %v)", name, fi.ModTime())
		}
	}
	if got := inode(t, filepath.Join(dest, "blocs/b1/index.html")); got != keptInode {
		t.Errorf("unchanged file replaced: inode %d, was %d", got, keptInode)
	}
	for _, name := range []string{"blocs/b2/index.html", "same-size.html"} {
		fi, _ := os.Stat(filepath.Join(dest, name))
		if fi.ModTime().Equal(old) {
			t.Errorf("%s changed but kept its old modification time", name)
		}
	}
	assertNothingBeside(t, dest)
}

// TestRepublishUnchangedWritesNothing: the same site published twice stages
// no file at all.
func TestRepublishUnchangedWritesNothing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{"index.html": []byte("a"), "x/index.html": []byte("b")}
	if err := Write(&Output{Files: files}, dest); err != nil {
		t.Fatal(err)
	}
	w, err := newDirSink(dest)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := w.put(name, data); err != nil {
			t.Fatal(err)
		}
	}
	if staged, _ := os.ReadDir(filepath.Join(filepath.Dir(dest), w.stage)); len(w.staged) != 0 || len(staged) != 0 {
		t.Errorf("staged %v (%v) for an unchanged site", w.staged, staged)
	}
	if err := w.commit(); err != nil {
		t.Fatal(err)
	}
	diffTrees(t, tree(t, dest), want(files))
	assertNothingBeside(t, dest)
}

// TestRepublishNeverFollowsLinks: a symbolic link inside the output, to a
// directory outside it, must not let a write land outside: the output is
// replaced whole and the linked directory left alone.
func TestRepublishNeverFollowsLinks(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	outside := filepath.Join(root, "outside")
	os.MkdirAll(outside, 0o755)
	os.WriteFile(filepath.Join(outside, "index.html"), []byte("à garder"), 0o644)
	if err := Write(&Output{Files: map[string][]byte{"index.html": []byte("a")}}, dest); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dest, "blocs")); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"index.html": []byte("a"), "blocs/index.html": []byte("les blocs")}
	if err := Write(&Output{Files: files}, dest); err != nil {
		t.Fatal(err)
	}
	diffTrees(t, tree(t, dest), want(files))
	if data, _ := os.ReadFile(filepath.Join(outside, "index.html")); string(data) != "à garder" {
		t.Errorf("write followed the link out of the output: outside/index.html = %q", data)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 2 {
		t.Errorf("left beside the output: %v", entries)
	}
}

// TestFailedRepublishLeavesOutput: a write error after some files were
// compared and staged leaves the old site exactly as it was.
func TestFailedRepublishLeavesOutput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{"index.html": []byte("a"), "x/index.html": []byte("b")}
	if err := Write(&Output{Files: files}, dest); err != nil {
		t.Fatal(err)
	}
	err := Write(&Output{Files: map[string][]byte{"index.html": []byte("nouveau"), "../evil": []byte("x")}}, dest)
	if err == nil || !strings.Contains(err.Error(), "leaves the destination") {
		t.Fatalf("error %v", err)
	}
	w, err := newDirSink(dest)
	if err != nil {
		t.Fatal(err)
	}
	w.put("index.html", []byte("nouveau"))
	w.put("new/index.html", []byte("nouveau"))
	w.abort() // as a build does when a later page fails
	diffTrees(t, tree(t, dest), want(files))
	assertNothingBeside(t, dest)
}

func assertNothingBeside(t *testing.T, dest string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}

func TestSameFile(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	data := bytes.Repeat([]byte("abc"), 50000)
	other := bytes.Clone(data)
	other[len(other)-1] = 'x'
	files := map[string][]byte{"index.html": data, "empty": nil}
	if err := Write(&Output{Files: files}, dest); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join(dest, "index.html"), filepath.Join(dest, "link"))
	w, err := newDirSink(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer w.abort()
	for _, tt := range []struct {
		name string
		data []byte
		same bool
	}{
		{"index.html", data, true},
		{"index.html", other, false},
		{"index.html", data[:len(data)-1], false},
		{"index.html", nil, false},
		{"empty", nil, true},
		{"empty", []byte("x"), false},
		{"none", nil, false},
		{"link", data, false}, // a symbolic link is never followed
	} {
		if got := w.same(tt.name, tt.data); got != tt.same {
			t.Errorf("same(%s, %d bytes) = %v, want %v", tt.name, len(tt.data), got, tt.same)
		}
	}
}

// TestPublishRefusesForeignDestinations: publishing removes what the site
// does not produce, so it refuses a destination that holds something else
// than a published site, a file, or a symbolic link.
func TestPublishRefusesForeignDestinations(t *testing.T) {
	site := &Output{Files: map[string][]byte{"index.html": []byte("a")}}
	root := t.TempDir()

	docs := filepath.Join(root, "documents")
	os.MkdirAll(docs, 0o755)
	os.WriteFile(filepath.Join(docs, "thesis.odt"), []byte("years of work"), 0o644)
	err := Write(site, docs)
	if err == nil || !strings.Contains(err.Error(), "does not look like a site cursus published") {
		t.Errorf("publishing over a folder of documents: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(docs, "thesis.odt")); string(data) != "years of work" {
		t.Error("the documents were touched")
	}

	file := filepath.Join(root, "notes.txt")
	os.WriteFile(file, []byte("notes"), 0o644)
	if err := Write(site, file); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("publishing over a file: %v", err)
	}

	link := filepath.Join(root, "link")
	os.Symlink(docs, link)
	if err := Write(site, link); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("publishing over a symbolic link: %v", err)
	}

	// An empty directory, or one holding only hidden entries, is fine.
	empty := filepath.Join(root, "empty")
	os.MkdirAll(filepath.Join(empty, ".git"), 0o755)
	if err := Write(site, empty); err != nil {
		t.Errorf("publishing into an empty directory: %v", err)
	}
}

// TestPublishKeepsHiddenEntries: what deployment tools keep at the top of
// the output (.git, .nojekyll) survives a republish, in place or swapped.
func TestPublishKeepsHiddenEntries(t *testing.T) {
	for _, swapped := range []bool{false, true} {
		dest := filepath.Join(t.TempDir(), "public")
		site := map[string][]byte{"index.html": []byte("a"), "x/index.html": []byte("b")}
		if err := Write(&Output{Files: site}, dest); err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dest, ".git", "objects"), 0o755)
		os.WriteFile(filepath.Join(dest, ".git", "config"), []byte("[core]"), 0o644)
		os.WriteFile(filepath.Join(dest, ".nojekyll"), nil, 0o644)
		if swapped {
			// A symbolic link inside makes the writer replace the site whole.
			os.Symlink("/", filepath.Join(dest, "x", "root"))
		}
		site["y/index.html"] = []byte("c")
		if err := Write(&Output{Files: site}, dest); err != nil {
			t.Fatal(err)
		}
		got := tree(t, dest)
		w := want(site)
		w[".git/"], w[".git/objects/"], w[".git/config"], w[".nojekyll"] = "", "", "[core]", ""
		diffTrees(t, got, w)
		assertNothingBeside(t, dest)
	}
}

// TestPublishedHiddenEntryReplacesOld checks a hidden entry the site
// publishes (.htaccess for [publish] hosts): it replaces the one in the
// output, in place or when the site is replaced whole, and the other
// hidden entries stay.
func TestPublishedHiddenEntryReplacesOld(t *testing.T) {
	for _, swapped := range []bool{false, true} {
		dest := filepath.Join(t.TempDir(), "public")
		site := map[string][]byte{"index.html": []byte("a"), "x/index.html": []byte("b"), ".htaccess": []byte("v1")}
		if err := Write(&Output{Files: site}, dest); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dest, ".nojekyll"), nil, 0o644)
		if swapped {
			os.Symlink("/", filepath.Join(dest, "x", "root"))
		}
		site[".htaccess"] = []byte("v2")
		if err := Write(&Output{Files: site}, dest); err != nil {
			t.Fatal(err)
		}
		w := want(site)
		w[".nojekyll"] = ""
		diffTrees(t, tree(t, dest), w)
		assertNothingBeside(t, dest)
	}
}
