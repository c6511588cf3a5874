package quality

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"cursus/internal/browsertest"
)

// a4Content is the width in CSS pixels of an A4 page less the print
// stylesheet's side margins (210 mm − 2 × 14 mm).
const a4Content = 688

// printProblems lists, in print media, what would be lost or noisy on
// paper: an element of main wider than the page or whose text is cut by
// its own box, and a link inside the site whose address would be written
// out (a bare /metiers/rssi/ means nothing on paper).
const printProblems = `(() => {
  const out = [], w = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
  for (const el of document.querySelectorAll("main *")) {
    const cs = getComputedStyle(el);
    if (cs.display === "none" || cs.position === "absolute") continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1) out.push("wider than the page: " + name(el) + " ends at " + Math.round(r.right) + "px");
    if (cs.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1) out.push("text cut: " + name(el));
  }
  for (const a of document.querySelectorAll("main a[href]")) {
    if (a.getClientRects().length === 0) continue; // not printed
    const c = getComputedStyle(a, "::after").content;
    if (!/^https?:/.test(a.getAttribute("href")) && c !== "none" && c !== "normal" && c !== '""') out.push("address written out: " + a.getAttribute("href") + " " + c);
  }
  return out;
})()`

// TestPrint lays every kind of page out for A4 paper and checks that
// nothing is wider than the page, cut, or followed by a bare site path.
func TestPrint(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		srv := serve(t, site)
		ctx := browsertest.New(t, a4Content, 1000)
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		for _, k := range pageKinds(t, site) {
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+k.url())); err != nil {
				t.Fatalf("%s: %v", k.file, err)
			}
			problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](printProblems))
			if err != nil {
				t.Fatalf("%s: %v", k.file, err)
			}
			for _, p := range problems {
				t.Errorf("%s (%s) printed: %s", k.kind, k.file, p)
			}
		}
	})
}

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// TestBookletPDF prints the booklet of every certification to PDF as a
// reader would: it has a page for its cover and table of contents, then
// each bloc starts a page of its own, so it has more pages than blocs.
func TestBookletPDF(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		srv := serve(t, site)
		ctx := browsertest.New(t, 1280, 900)
		for _, c := range site.out.Project.Content.Certifications {
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+c.BookletPath())); err != nil {
				t.Fatal(err)
			}
			css := true
			pdf, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &css})
			if err != nil {
				t.Fatalf("%s: print to PDF: %v", c.BookletPath(), err)
			}
			if !bytes.HasPrefix(pdf.Data, []byte("%PDF-")) {
				t.Fatalf("%s: not a PDF", c.BookletPath())
			}
			pages := len(pdfPage.FindAll(pdf.Data, -1))
			if pages < 1+len(c.Blocs) {
				t.Errorf("%s: %d pages for %d blocs, want a cover and at least a page per bloc", c.BookletPath(), pages, len(c.Blocs))
			}
			t.Logf("%s: %d blocs, %d pages", c.BookletPath(), len(c.Blocs), pages)
		}
	})
}
