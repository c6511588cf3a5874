package quality

import (
	"strings"
	"testing"

	"cursus/generator"
)

// TestInternalLinks checks every internal href and src of every published
// page, and every #anchor, against the files and ids of the site.
func TestInternalLinks(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		broken := generator.CheckLinks(site.out.Files, "/")
		t.Logf("links: %d pages checked, %d broken links or anchors", len(htmlFiles(site)), len(broken))
		if len(broken) > 0 {
			t.Errorf("%d broken links:\n%s", len(broken), strings.Join(broken, "\n"))
		}
	})
}
