package quality

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"path"
	"regexp"
	"strings"
	"testing"
)

// budget is the most a page of any kind may weigh, HTML+CSS+JS
// gzip-compressed: students open them on a phone, often on a slow
// connection.
const budget = 50 * 1024

// subresource matches the stylesheets and scripts a page loads.
var subresource = regexp.MustCompile(`(?i)<(?:link\s[^>]*rel="?stylesheet"?[^>]*href|script\s[^>]*src)="?([^"\s>]+)`)

// TestPageWeight logs every kind of page's weight as first transferred
// (the HTML and the CSS and JS it loads, raw and gzip-compressed) and keeps
// every one under the budget.
func TestPageWeight(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		var report strings.Builder
		fmt.Fprintf(&report, "%-28s %6s %6s %6s %8s %8s\n", "page kind", "html", "css", "js", "raw", "gzip")
		for _, k := range pageKinds(t, site) {
			doc := site.out.Files[k.file]
			raw, gz := len(doc), gzipLen(doc)
			var css, js int
			for _, m := range subresource.FindAllStringSubmatch(string(doc), -1) {
				ref := m[1]
				if !strings.HasPrefix(ref, "/") {
					t.Errorf("%s: subresource %s is not a site path", k.file, ref)
					continue
				}
				body, ok := site.out.Files[strings.TrimPrefix(ref, "/")]
				if !ok {
					t.Errorf("%s: subresource %s is not in the build", k.file, ref)
					continue
				}
				if path.Ext(ref) == ".css" {
					css += len(body)
				} else {
					js += len(body)
				}
				raw += len(body)
				gz += gzipLen(body)
			}
			fmt.Fprintf(&report, "%-28s %6d %6d %6d %8d %8d\n", k.kind, len(doc), css, js, raw, gz)
			if gz >= budget {
				t.Errorf("%s page %s weighs %d bytes gzip-compressed (HTML+CSS+JS), over the %d-byte budget", k.kind, k.file, gz, budget)
			}
		}
		t.Logf("transferred bytes per page kind (HTML + CSS + JS it loads):\n%s", report.String())
	})
}

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}
