//go:build unix

package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"cursus/internal/testsite"
)

// TestServeSurvivesANamedPipe: a named pipe saved into content/ is an
// error the preview shows, not a rebuild loop waiting for ever on it; once
// it is removed, the next save builds again.
func TestServeSurvivesANamedPipe(t *testing.T) {
	site := testsite.Bundled(t, "../..")
	pipe := filepath.Join(site, "content", "tube.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	_, url, _ := serveProcess(t, "-s "+site+" --port 0")
	waitFor(t, url, http.StatusInternalServerError, "content/tube.md: n’est ni un fichier ni un dossier")
	os.Remove(pipe)
	// A save after the pipe is gone must be picked up.
	page := filepath.Join(site, "content", "presentation.md")
	data, _ := os.ReadFile(page)
	os.WriteFile(page, data, 0o644)
	waitFor(t, url, http.StatusOK, "")
}

// waitFor polls url until it answers status with want in its body.
func waitFor(t *testing.T, url string, status int, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		res, err := http.Get(url)
		if err == nil {
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			last = res.Status + " " + string(body)
			if res.StatusCode == status && strings.Contains(string(body), want) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no %d with %q after 10 s; last answer: %.300s", status, want, last)
}
