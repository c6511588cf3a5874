package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestImportRefusesDevice: cursus import /dev/zero used to read until
// memory ran out; it is refused before reading, in French, with status 1.
func TestImportRefusesDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	var out, errb bytes.Buffer
	code := run([]string{"import", "/dev/zero", "--dry-run"}, &out, &errb)
	want := "/dev/zero: c'est un périphérique, pas un fichier : donnez le chemin du tableau exporté en texte\n"
	if code != 1 || !strings.HasPrefix(errb.String(), want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, errb.String(), want)
	}
}
