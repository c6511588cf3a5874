package generator

import (
	"bytes"
	"errors"
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
	w, err := newSiteWriter(dest)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		w.write(name, data)
	}
	if w.stage != "" || len(w.staged) != 0 {
		t.Errorf("staged %v in %q for an unchanged site", w.staged, w.stage)
	}
	if err := w.commit(); err != nil {
		t.Fatal(err)
	}
	diffTrees(t, tree(t, dest), want(files))
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
	w, err := newSiteWriter(dest)
	if err != nil {
		t.Fatal(err)
	}
	w.write("index.html", []byte("nouveau"))
	w.write("new/index.html", []byte("nouveau"))
	w.fail(os.ErrPermission)
	if err := w.commit(); err == nil {
		t.Fatal("commit after a failure succeeded")
	}
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
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	data := bytes.Repeat([]byte("abc"), 50000) // larger than the pooled buffer
	os.WriteFile(p, data, 0o644)
	if !sameFile(p, data) {
		t.Error("same content reported different")
	}
	other := bytes.Clone(data)
	other[len(other)-1] = 'x'
	if sameFile(p, other) {
		t.Error("different last byte reported same")
	}
	if sameFile(p, data[:len(data)-1]) || sameFile(filepath.Join(dir, "none"), nil) {
		t.Error("shorter content or missing file reported same")
	}
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o644)
	if !sameFile(empty, nil) || sameFile(empty, []byte("x")) || sameFile(p, nil) {
		t.Error("empty file or empty content misjudged")
	}
	os.Symlink(p, filepath.Join(dir, "link"))
	if sameFile(filepath.Join(dir, "link"), data) {
		t.Error("a symbolic link was followed")
	}
}

func TestCreateFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	data := bytes.Repeat([]byte("abc"), 50000)
	if err := createFile(p, data); err != nil {
		t.Fatal(err)
	}
	if err := createFile(p, []byte("short")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "short" {
		t.Errorf("rewritten file holds %d bytes, want the 5 of the new content", len(got))
	}
	os.WriteFile(filepath.Join(dir, "ref"), nil, 0o644)
	if fi, ref := stat(t, p), stat(t, filepath.Join(dir, "ref")); fi.Mode() != ref.Mode() {
		t.Errorf("mode %v, want %v as os.WriteFile gives", fi.Mode(), ref.Mode())
	}
	var pe *fs.PathError
	if err := createFile(filepath.Join(dir, "none", "f"), data); !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) || pe.Path != filepath.Join(dir, "none", "f") {
		t.Errorf("missing directory: got %v, want a path error on the file", err)
	}
	os.Symlink(filepath.Join(dir, "target"), filepath.Join(dir, "link"))
	if err := createFile(filepath.Join(dir, "link"), data); err == nil {
		t.Error("a symbolic link was followed")
	}
	if _, err := os.Lstat(filepath.Join(dir, "target")); err == nil {
		t.Error("a file was created through a symbolic link")
	}
}

func stat(t *testing.T, p string) fs.FileInfo {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
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
	if err == nil || !strings.Contains(err.Error(), "holds no published site") {
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
