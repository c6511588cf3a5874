package quality

import (
	"slices"
	"testing"
)

// TestScannerFindsForeignHosts keeps the third-party scan honest: a gate
// that finds nothing must be shown able to find something.
func TestScannerFindsForeignHosts(t *testing.T) {
	const own = "referentiel.example.org"
	doc := `<link rel=stylesheet href=https://fonts.googleapis.com/css>` +
		`<link rel="canonical" href="https://referentiel.example.org/blocs/">` +
		`<img srcset="/a.png 1x, //cdn.example.net/a@2x.png 2x" alt="">` +
		`<div style="background:url('https://img.example.com/bg.png')"></div>` +
		`<a href="/metiers/">x</a><a href="#contenu">y</a><a href=mailto:a@b.fr>z</a>` +
		`<meta name="description" content="https://tracker.example.com/ est un texte">` +
		`<svg xmlns="http://www.w3.org/2000/svg"></svg>`
	var got []string
	for _, ref := range append(attrRefs(doc), cssRefs(doc)...) {
		if h := foreignHost(ref, own); h != "" {
			got = append(got, h)
		}
	}
	slices.Sort(got)
	want := []string{"cdn.example.net", "fonts.googleapis.com", "img.example.com", "tracker.example.com"}
	if !slices.Equal(got, want) {
		t.Errorf("foreign hosts = %q, want %q", got, want)
	}
	js := `fetch("/assets/index.json");const ns="http://www.w3.org/2000/svg";import("https://esm.sh/x")`
	var inJS []string
	for _, ref := range jsURL.FindAllString(js, -1) {
		if h := foreignHost(ref, own); h != "" {
			inJS = append(inJS, h)
		}
	}
	if !slices.Equal(inJS, []string{"esm.sh"}) {
		t.Errorf("foreign hosts in script = %q, want [esm.sh]", inJS)
	}
}
