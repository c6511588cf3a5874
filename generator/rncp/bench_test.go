package rncp

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cursus/generator/msg"
)

// writeExport writes an export of about size bytes to w by repeating the
// fiches of testdata/variants.xml under new numbers, RNCP1, RNCP2…, and
// returns the number of the last fiche.
func writeExport(w io.Writer, size int64) (string, error) {
	src, err := os.ReadFile("testdata/variants.xml")
	if err != nil {
		return "", err
	}
	s := string(src)
	body := s[strings.Index(s, "<FICHE>"):strings.LastIndex(s, "</FICHES>")]
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FICHES>\n")
	n, written := 0, int64(0)
	for written < size {
		for _, num := range []string{"RNCP10001", "RNCP10002", "RNCP10003"} {
			n++
			k, _ := bw.WriteString(strings.ReplaceAll(fiche(body, num), num, "RNCP"+strconv.Itoa(n)))
			written += int64(k)
		}
	}
	bw.WriteString("</FICHES>\n")
	return "RNCP" + strconv.Itoa(n), bw.Flush()
}

// fiche is the FICHE of body numbered num.
func fiche(body, num string) string {
	i := strings.Index(body, "<NUMERO_FICHE>"+num)
	start := strings.LastIndex(body[:i], "<FICHE>")
	end := i + strings.Index(body[i:], "</FICHE>") + len("</FICHE>\n")
	return body[start:end]
}

// TestWriteBigExport writes a large export for measuring memory with
// /usr/bin/time -v, when RNCP_BIG_EXPORT names the file and RNCP_BIG_MB
// its size: RNCP_BIG_EXPORT=/tmp/big.xml RNCP_BIG_MB=1024 go test -run BigExport.
func TestWriteBigExport(t *testing.T) {
	path := os.Getenv("RNCP_BIG_EXPORT")
	if path == "" {
		t.Skip("RNCP_BIG_EXPORT not set")
	}
	mb, err := strconv.Atoi(os.Getenv("RNCP_BIG_MB"))
	if err != nil {
		t.Fatal("RNCP_BIG_MB: ", err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	last, err := writeExport(f, int64(mb)<<20)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: last fiche %s", path, last)
}

// BenchmarkRead reads a 64 MB export for its last fiche: every other fiche
// is skipped, which is what a real import does. b.SetBytes makes the MB/s.
func BenchmarkRead(b *testing.B) {
	path := filepath.Join(b.TempDir(), "export.xml")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	last, err := writeExport(f, 64<<20)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		got, err := Read(msg.FR, "export.xml", f, []string{last})
		f.Close()
		if err != nil || got[last] == nil {
			b.Fatalf("fiche %s: %v", last, err)
		}
	}
}
