package quality

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// structuredReport is what tools/structured-data.mjs prints.
type structuredReport struct {
	Pages  int      `json:"pages"`
	Nodes  int      `json:"nodes"`
	Types  []string `json:"types"`
	Issues []struct {
		File     string `json:"file"`
		Severity string `json:"severity"` // ERROR or WARNING
		Message  string `json:"message"`
		Path     string `json:"path"`
	} `json:"issues"`
}

// TestStructuredData checks the JSON-LD of every published page with
// tools/structured-data.mjs: each @type and property against the schema.org
// vocabulary of the pinned schema-dts, then @adobe/structured-data-validator
// (schema.org and Google's rich results rules). It wants no error at all;
// warnings are logged.
func TestStructuredData(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		t.Parallel()
		node, err := exec.LookPath("node")
		need(t, err == nil, "node", "apt-get install -y nodejs")
		script := filepath.Join(root, "tools", "structured-data.mjs")
		_, err = os.Stat(filepath.Join(root, "tools", "node_modules", "@adobe", "structured-data-validator"))
		need(t, err == nil, "@adobe/structured-data-validator", "npm ci --prefix tools")
		var files []string
		for name := range site.out.Files {
			if strings.HasSuffix(name, ".html") {
				files = append(files, filepath.Join(site.dir, filepath.FromSlash(name)))
			}
		}
		sort.Strings(files)
		cmd := exec.Command(node, append([]string{script}, files...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("structured-data.mjs: %v\n%s", err, stderr.Bytes())
		}
		var rep structuredReport
		if err := json.Unmarshal(out, &rep); err != nil {
			t.Fatalf("structured-data.mjs output is not JSON: %v\n%s", err, out)
		}
		if rep.Pages != len(files) {
			t.Fatalf("checked %d pages of %d", rep.Pages, len(files))
		}
		// Every kind of entity is described somewhere; the bundled site has
		// no fiche, so no programme nor codes ROME.
		want := []string{"BreadcrumbList", "WebSite", "SearchAction", "EducationalOccupationalCredential", "DefinedTerm", "DefinedTermSet", "Occupation"}
		if site.out.Project.Content.Several {
			want = append(want, "EducationalOccupationalProgram", "CategoryCode", "Organization")
		}
		for _, want := range want {
			if !slices.Contains(rep.Types, want) {
				t.Errorf("no page describes a %s (types seen: %v)", want, rep.Types)
			}
		}
		var errs []string
		for _, is := range rep.Issues {
			name := strings.TrimPrefix(is.File, site.dir+string(filepath.Separator))
			line := fmt.Sprintf("%s: %s: %s (%s)", name, strings.ToLower(is.Severity), is.Message, is.Path)
			if is.Severity == "ERROR" {
				errs = append(errs, line)
			} else {
				t.Log(line)
			}
		}
		t.Logf("structured data: %d pages, %d JSON-LD nodes, types %v, %d errors", rep.Pages, rep.Nodes, rep.Types, len(errs))
		if len(errs) > 0 {
			t.Errorf("%d structured data errors:\n%s", len(errs), strings.Join(errs, "\n"))
		}
	})
}
