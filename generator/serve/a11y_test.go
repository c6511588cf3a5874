package serve

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cursus/generator/msg"
	"cursus/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// tools is where the project's pinned checkers live (npm ci --prefix tools).
var tools = filepath.Join("..", "..", "tools", "node_modules")

// TestOverlayAccessible runs axe-core on a page showing the error overlay:
// none of its violations may come from the overlay.
func TestOverlayAccessible(t *testing.T) {
	axe, err := os.ReadFile(filepath.Join(tools, "axe-core", "axe.min.js"))
	if err != nil {
		t.Skip("axe-core not installed: npm ci --prefix tools")
	}
	ctx := browsertest.New(t, 1280, 800)
	dir := copySite(t)
	s := start(t, Options{Source: dir, Build: realBuild})
	open(t, ctx, s.URL()+"competences/b1-c1/")
	edit(t, dir, "content/blocs/b1.toml", `id = "B1.C1"`, `id = "B1.C1`, true)
	mustWait(t, ctx, "overlay", `document.querySelector("#cursus-errors")`)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(axe)+"\n;true")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
		resultTypes: ["violations"],
	}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, targets: v.nodes.map(n => n.target.join(" "))}))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var violations []struct {
		ID      string
		Targets []string
	}
	if err := json.Unmarshal([]byte(got), &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		for _, target := range v.Targets {
			if strings.Contains(target, "cursus-errors") {
				t.Errorf("overlay: %s at %s", v.ID, target)
			}
		}
	}
}

// TestServedHTMLValid runs the Nu HTML Checker over a page as served (with
// the live script) and over the page shown when the first build fails.
func TestServedHTMLValid(t *testing.T) {
	jar := filepath.Join(tools, "vnu-jar", "build", "dist", "vnu.jar")
	java, err := exec.LookPath("java")
	if _, jerr := os.Stat(jar); err != nil || jerr != nil {
		t.Skip("the Nu HTML Checker needs java and npm ci --prefix tools")
	}
	dir := copySite(t)
	s := start(t, Options{Source: dir, Build: realBuild})
	out := t.TempDir()
	page := filepath.Join(out, "page.html")
	failed := filepath.Join(out, "failed.html")
	os.WriteFile(page, []byte(fetch(t, s.URL()+"competences/b1-c1/")), 0o644)
	os.WriteFile(failed, errorPage(msg.FR, []string{`content/blocs/b1.toml:31:12: toml: strings cannot contain newlines`}, 1), 0o644)
	res, err := exec.Command(java, "-jar", jar, "--errors-only", "--exit-zero-always", page, failed).CombinedOutput()
	if err != nil {
		t.Fatalf("vnu: %v\n%s", err, res)
	}
	if msg := strings.TrimSpace(string(res)); msg != "" {
		t.Errorf("invalid HTML:\n%s", msg)
	}
}
