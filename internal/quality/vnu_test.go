package quality

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// vnuReport is the part of the Nu HTML Checker's JSON output the gate reads.
type vnuReport struct {
	Messages []struct {
		Type      string `json:"type"` // "error", "info", "non-document-error"
		SubType   string `json:"subType"`
		URL       string `json:"url"`
		LastLine  int    `json:"lastLine"`
		FirstCol  int    `json:"firstColumn"`
		Message   string `json:"message"`
		Extract   string `json:"extract"`
		LastCol   int    `json:"lastColumn"`
		FirstLine int    `json:"firstLine"`
	} `json:"messages"`
}

// TestHTMLValidity runs the Nu HTML Checker over every published page,
// stylesheet and SVG: the minified files as they go online.
func TestHTMLValidity(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		t.Parallel()
		java, err := exec.LookPath("java")
		need(t, err == nil, "java", "apt-get install -y default-jre-headless")
		jar := filepath.Join(root, "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
		_, err = os.Stat(jar)
		need(t, err == nil, "the Nu HTML Checker ("+jar+")", "npm ci --prefix tools")

		var files []string
		pages := 0
		for name := range site.out.Files {
			switch filepath.Ext(name) {
			case ".html":
				pages++
			case ".css", ".svg":
			default:
				continue
			}
			files = append(files, filepath.Join(site.dir, filepath.FromSlash(name)))
		}
		sort.Strings(files)
		args := append([]string{"-jar", jar, "--errors-only", "--also-check-css", "--also-check-svg",
			"--format", "json", "--stdout", "--exit-zero-always"}, files...)
		cmd := exec.Command(java, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("vnu: %v\n%s", err, stderr.Bytes())
		}
		var rep vnuReport
		if err := json.Unmarshal(out, &rep); err != nil {
			t.Fatalf("vnu output is not JSON: %v\n%s\n%s", err, out, stderr.Bytes())
		}
		var errs []string
		for _, m := range rep.Messages {
			if m.Type == "info" { // warnings are not gates; --errors-only drops them anyway
				continue
			}
			name := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), site.dir+string(filepath.Separator))
			errs = append(errs, fmt.Sprintf("%s:%d:%d: %s: %s\n\t%s", name, m.LastLine, m.FirstCol, m.Type, m.Message, m.Extract))
		}
		t.Logf("Nu HTML Checker: %d files checked (%d pages), %d errors", len(files), pages, len(errs))
		if len(errs) > 0 {
			t.Errorf("%d validity errors:\n%s", len(errs), strings.Join(errs, "\n"))
		}
	})
}
