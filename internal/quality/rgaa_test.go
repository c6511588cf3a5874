package quality

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

var (
	footerRe = regexp.MustCompile(`(?s)<footer\b.*?</footer>`)
	linkRe   = regexp.MustCompile(`(?s)<a\s[^>]*href="?([^"\s>]+)"?[^>]*>(.*?)</a>`)
	tagRe    = regexp.MustCompile(`<[^>]*>`)
)

// text is doc without tags, unescaped, with the typography the theme adds
// (curly apostrophes, non-breaking spaces) folded back, spaces collapsed.
func text(doc string) string {
	s := html.UnescapeString(tagRe.ReplaceAllString(doc, " "))
	s = strings.NewReplacer("’", "'", "\u00a0", " ", "\u202f", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// TestConformityMentionOnEveryPage checks the mention French public sites
// must show on every page: "Accessibilité : <status>" in the footer, linking
// to the déclaration d'accessibilité.
func TestConformityMentionOnEveryPage(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		a := site.out.Project.Config.Accessibility
		decl := "/" + a.Page + "/"
		pages := htmlFiles(site)
		missing := 0
		for _, name := range pages {
			footer := footerRe.FindString(string(site.out.Files[name]))
			if footer == "" {
				t.Errorf("%s: no <footer>", name)
				missing++
				continue
			}
			found := false
			for _, m := range linkRe.FindAllStringSubmatch(footer, -1) {
				if m[1] == decl && text(m[2]) == a.Status {
					found = true
				}
			}
			if !found || !strings.Contains(text(footer), "Accessibilité : "+a.Status) {
				t.Errorf("%s: footer lacks «Accessibilité : %s» linking to %s:\n%s", name, a.Status, decl, footer)
				missing++
			}
		}
		t.Logf("RGAA footer mention: %d pages checked, %d without it", len(pages), missing)
	})
}

// TestAccessibilityStatement checks the déclaration d'accessibilité states
// the conformity level and the contact from config.toml, and says how the
// site was tested and where to appeal.
func TestAccessibilityStatement(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		a := site.out.Project.Config.Accessibility
		page := text(string(site.out.Files[a.Page+"/index.html"]))
		if page == "" {
			t.Fatalf("no déclaration page at /%s/", a.Page)
		}
		must := []string{
			"Déclaration d'accessibilité",
			"ce site est " + a.Status + " avec le RGAA",
			"État de conformité",
			"Contenus non accessibles",
			"Établissement de cette déclaration",
			"Nu HTML Checker",
			"axe-core",
			"Retour d'information et contact",
			text(a.Contact),
			"Voies de recours",
			"Défenseur des droits",
		}
		for _, s := range must {
			if !strings.Contains(page, s) {
				t.Errorf("déclaration d'accessibilité lacks %q", s)
			}
		}
		if a.Contact == "" {
			t.Error("config.toml [accessibility] contact is empty: the déclaration must say how to reach the site's owner")
		}
	})
}
