package quality

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cursus/internal/browsertest"
)

// axeTags are the rule sets the gate runs: WCAG 2.0, 2.1 and 2.2, A and AA,
// the level the RGAA 4.1 maps to.
const axeTags = `["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22aa"]`

// axeViolation is what the gate reports of one axe violation.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeRun runs axe-core in the page and keeps what a report needs.
const axeRun = `axe.run(document, {
	runOnly: {type: "tag", values: ` + axeTags + `},
	resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help,
	nodes: v.nodes.map(n => ({target: n.target.map(String).join(" "), summary: n.failureSummary || ""})),
})))`

// axeSource reads axe-core from tools/node_modules, or stops the test.
func axeSource(t testing.TB) string {
	t.Helper()
	p := filepath.Join(root, "tools", "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(p)
	need(t, err == nil, "axe-core ("+p+")", "npm ci --prefix tools")
	return string(src)
}

// TestAxe runs axe-core on one page of every kind, at each viewport width
// and in each colour scheme, and wants no violation at all. It also records
// the requests these page loads make: none may leave the test server.
func TestAxe(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		t.Parallel()
		axe := axeSource(t) + "\n;true"
		srv := serve(t, site)
		kinds := pageKinds(t, site)
		for _, vp := range viewports {
			t.Run(vp.name, func(t *testing.T) {
				ctx := browsertest.New(t, vp.width, vp.height)
				var log requestLog
				log.listen(t, ctx)
				runs, found := 0, 0
				for _, scheme := range schemes {
					if err := chromedp.Do(ctx, colorScheme(scheme)); err != nil {
						t.Fatalf("emulate %s scheme: %v", scheme, err)
					}
					for _, k := range kinds {
						where := fmt.Sprintf("%s (%s) at %s, %s scheme", k.url(), k.kind, vp.name, scheme)
						if err := visit(ctx, srv.URL+k.url()); err != nil {
							t.Fatalf("%s: %v", where, err)
						}
						if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axe)); err != nil {
							t.Fatalf("%s: inject axe-core: %v", where, err)
						}
						vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
						if err != nil {
							t.Fatalf("%s: axe.run: %v", where, err)
						}
						runs++
						found += len(vs)
						for _, v := range vs {
							t.Errorf("%s\n%s", where, v)
						}
					}
				}
				t.Logf("axe-core: %d pages × %d schemes at %s: %d runs, %d violations", len(kinds), len(schemes), vp.name, runs, found)
				noForeignRequests(t, &log, srv.URL, "axe page loads at "+vp.name)
			})
		}
	})
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\t%s [%s]: %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t\t%s", n.Target)
		if s := strings.TrimSpace(n.Summary); s != "" {
			fmt.Fprintf(&b, "\n\t\t\t%s", strings.ReplaceAll(s, "\n", "\n\t\t\t"))
		}
	}
	return b.String()
}
