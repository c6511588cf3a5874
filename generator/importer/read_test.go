package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"cursus/generator/msg"
)

func TestReadTable(t *testing.T) {
	seed := readSeed(t)
	file := filepath.Join(t.TempDir(), "ref.txt")
	if err := os.WriteFile(file, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTable(msg.FR, file)
	if err != nil || !bytes.Equal(got, seed) {
		t.Errorf("ReadTable(msg.FR, seed) = %d bytes, %v; want the %d bytes of the seed", len(got), err, len(seed))
	}
}

// TestReadTableRefuses checks that what is not a table file is refused
// before it is read, with a message a faculty member can act on.
func TestReadTableRefuses(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, want string }{
		{dir, dir + ": c'est un dossier, pas un fichier : donnez le chemin du tableau exporté en texte"},
		{filepath.Join(dir, "absent.txt"), filepath.Join(dir, "absent.txt") + ": fichier introuvable"},
	}
	if _, err := os.Stat(os.DevNull); err == nil && runtime.GOOS != "windows" {
		tests = append(tests, struct{ name, want string }{os.DevNull, os.DevNull + ": c'est un périphérique, pas un fichier : donnez le chemin du tableau exporté en texte"})
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		tests = append(tests, struct{ name, want string }{"/dev/zero", "/dev/zero: c'est un périphérique, pas un fichier : donnez le chemin du tableau exporté en texte"})
	}
	for _, tt := range tests {
		_, err := ReadTable(msg.FR, tt.name)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ReadTable(msg.FR, %s):\n got %v\nwant %s", tt.name, err, tt.want)
		}
	}
}

// TestReadTableStopsAtLimit feeds an endless pipe, as in cursus import
// <(yes): reading must stop past MaxTableSize with a positioned error.
func TestReadTableStopsAtLimit(t *testing.T) {
	if _, err := os.Stat("/dev/fd"); err != nil {
		t.Skip("no /dev/fd to name a pipe by")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		line := bytes.Repeat([]byte("ab\n"), 4096)
		for {
			if _, err := w.Write(line); err != nil {
				w.Close()
				return
			}
		}
	}()
	name := fmt.Sprintf("/dev/fd/%d", r.Fd())
	_, err = ReadTable(msg.FR, name)
	r.Close()
	// Every line is 3 bytes: the limit falls on line MaxTableSize/3 + 1.
	want := fmt.Sprintf("%s:%d:%d: le tableau dépasse 8 Mio, la taille maximale d'un import", name, MaxTableSize/3+1, MaxTableSize%3+1)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("ReadTable(msg.FR, endless pipe) = %v, want %s…", err, want)
	}
}

func TestImportRefusesOversize(t *testing.T) {
	// A table, then a last line of spaces that passes the limit.
	table := tsv(small...)
	src := append(table, bytes.Repeat([]byte{' '}, MaxTableSize)...)
	_, err := Import("big.txt", src, nil)
	want := fmt.Sprintf("big.txt:%d:%d: le tableau dépasse 8 Mio", len(small)+1, MaxTableSize-len(table)+1)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Import(%d bytes) = %v, want %s…", len(src), err, want)
	}
}
