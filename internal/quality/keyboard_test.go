package quality

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"cursus/internal/browsertest"
)

// markFocusables numbers every control a keyboard user should reach, in
// document order, and describes each. Controls that are not rendered (in a
// closed <details>, display:none, hidden) are not tab stops and not counted.
const markFocusables = `(() => {
	window.qDescribe = e => {
		let d = e.tagName.toLowerCase();
		if (e.id) d += "#" + e.id;
		if (typeof e.className === "string" && e.className) d += "." + e.className.trim().split(/\s+/).join(".");
		const href = e.getAttribute("href");
		if (href) d += "[href=" + href + "]";
		const label = (e.getAttribute("aria-label") || e.textContent || e.value || "").trim().replace(/\s+/g, " ");
		if (label) d += " «" + label.slice(0, 40) + "»";
		return d;
	};
	const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable=false])';
	const els = [...document.querySelectorAll(sel)].filter(e =>
		e.tabIndex >= 0 && !e.disabled && !e.closest("[inert]") &&
		e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden");
	els.forEach((e, i) => e.dataset.qtab = i);
	return els.map(qDescribe);
})()`

// tabStop describes the focused element after a Tab.
type tabStop struct {
	Index        int     `json:"index"` // -1: body or nothing; -2: not a counted control
	Desc         string  `json:"desc"`
	Href         string  `json:"href"`
	FocusVisible bool    `json:"focusVisible"`
	Outline      string  `json:"outline"`
	OutlineWidth float64 `json:"outlineWidth"`
	BoxShadow    string  `json:"boxShadow"`
	Shown        bool    `json:"shown"`
	Target       string  `json:"target"` // for an in-page link: tag of the element it points to
	RingOn       string  `json:"ringOn"` // an ancestor drawing the focus outline, if any
}

const readFocus = `(() => {
	const e = document.activeElement;
	if (!e || e === document.body || e === document.documentElement) return {index: -1, desc: "body"};
	const s = getComputedStyle(e), r = e.getBoundingClientRect();
	// A card may draw the ring around the whole card (:has(:focus-visible))
	// rather than on the link inside it: look up a few ancestors.
	const ring = e => {
		for (let a = e.parentElement, i = 0; a && i < 3 && a !== document.body; a = a.parentElement, i++) {
			const st = getComputedStyle(a);
			if (st.outlineStyle !== "none" && parseFloat(st.outlineWidth) > 0 && st.outlineColor !== "rgba(0, 0, 0, 0)") return qDescribe(a);
		}
		return "";
	};
	const href = e.getAttribute("href") || "";
	const t = href.startsWith("#") && href.length > 1 ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
	return {
		index: e.dataset.qtab === undefined ? -2 : Number(e.dataset.qtab),
		desc: qDescribe(e), href,
		focusVisible: e.matches(":focus-visible"),
		outline: s.outlineStyle + " " + s.outlineColor,
		outlineWidth: parseFloat(s.outlineWidth) || 0,
		boxShadow: s.boxShadow,
		ringOn: ring(e),
		shown: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.left < innerWidth && r.top < innerHeight &&
			s.clipPath === "none" && !/rect\(0px,? 0px,? 0px,? 0px\)/.test(s.clip) && s.opacity !== "0",
		target: t ? t.tagName.toLowerCase() : "",
	};
})()`

// visibleFocus reports whether the focused element shows a focus indicator:
// an outline that is drawn, a box shadow, or an outline on a close ancestor.
func (s tabStop) visibleFocus() bool {
	drawn := s.OutlineWidth > 0 && !strings.HasPrefix(s.Outline, "none") && !strings.HasSuffix(s.Outline, "rgba(0, 0, 0, 0)")
	return s.FocusVisible && (drawn || (s.BoxShadow != "" && s.BoxShadow != "none") || s.RingOn != "")
}

// TestKeyboard tabs through the home page at each width and in each colour
// scheme: the skip link must come first and lead to the main content, and
// every control must be reached, shown and visibly focused.
func TestKeyboard(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		t.Parallel()
		srv := serve(t, site)
		for _, vp := range viewports {
			t.Run(vp.name, func(t *testing.T) {
				ctx := browsertest.New(t, vp.width, vp.height)
				for _, scheme := range schemes {
					where := fmt.Sprintf("home at %s, %s scheme", vp.name, scheme)
					if err := chromedp.Do(ctx, colorScheme(scheme), chromedp.Navigate(srv.URL+"/")); err != nil {
						t.Fatalf("%s: %v", where, err)
					}
					tabThrough(t, ctx, where)
					skipLinkMovesFocus(t, ctx, srv.URL+"/", where)
				}
			})
		}
	})
}

func tabThrough(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	controls, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](markFocusables))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	reached := make([]bool, len(controls))
	var order []string
	for i := 0; i < len(controls)+5; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatalf("%s: tab: %v", where, err)
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[tabStop](readFocus))
		if err != nil {
			t.Fatalf("%s: read focus: %v", where, err)
		}
		if s.Index == -1 || (s.Index >= 0 && reached[s.Index]) {
			break // focus left the page or came round again
		}
		order = append(order, s.Desc)
		if i == 0 && (s.Target != "main" || !s.Shown) {
			t.Errorf("%s: first tab stop is %s (shown: %v), want a visible skip link to <main>", where, s.Desc, s.Shown)
		}
		if s.Index >= 0 {
			reached[s.Index] = true
		}
		if !s.Shown {
			t.Errorf("%s: tab stop %d, %s, is focused but not visible on screen", where, i+1, s.Desc)
		}
		if !s.visibleFocus() {
			t.Errorf("%s: tab stop %d, %s, has no visible focus indicator (:focus-visible %v, outline %q %gpx, box-shadow %q)",
				where, i+1, s.Desc, s.FocusVisible, s.Outline, s.OutlineWidth, s.BoxShadow)
		}
	}
	missed := 0
	for i, ok := range reached {
		if !ok {
			missed++
			t.Errorf("%s: control %s is never reached with Tab", where, controls[i])
		}
	}
	t.Logf("%s: %d controls, %d tab stops, %d unreached; first: %s", where, len(controls), len(order), missed, first(order))
}

// skipLinkMovesFocus follows the skip link with the keyboard: focus must
// land in the main content.
func skipLinkMovesFocus(t *testing.T, ctx context.Context, home, where string) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Navigate(home), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	in, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.activeElement.closest("main")`))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if !in {
		t.Errorf("%s: Enter on the skip link does not move focus into <main>", where)
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return s[0]
}
