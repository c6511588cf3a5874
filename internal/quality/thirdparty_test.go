package quality

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
)

var (
	// attrURL matches the attributes that reference another document or
	// resource, quoted or not (the minifier drops quotes).
	attrURL = regexp.MustCompile(`(?is)\s(href|src|srcset|action|formaction|poster|data|content|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
	// cssURL matches url(…) and @import "…" in stylesheets and style attributes.
	cssURL = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)`)
	// jsURL matches absolute URLs in scripts (fetch, import, new URL…).
	jsURL = regexp.MustCompile(`(?i)(?:https?:)?//[a-z0-9][a-z0-9.-]*\.[a-z]{2,}[^\s"'` + "`" + `)]*`)
)

// namespaces are URIs scripts and SVG name, never fetch.
var namespaces = map[string]bool{
	"http://www.w3.org/2000/svg":   true,
	"http://www.w3.org/1999/xhtml": true,
	"http://www.w3.org/1999/xlink": true,
}

// TestNoThirdPartyReferences scans every page, stylesheet and script for
// absolute URLs to a host other than the site's own: a third-party font,
// script, image or even a link is a request (or an invitation) that leaks
// the visitor's address to someone else. The one exception is the official
// sources the content names and a student needs: the RNCP fiche, where
// the critères are published, the ONISEP and France Travail fiches métier.
func TestNoThirdPartyReferences(t *testing.T) {
	eachSite(t, func(t *testing.T, site *built) {
		base, err := url.Parse(site.out.Project.Config.BaseURL)
		if err != nil || base.Host == "" {
			t.Fatalf("config baseURL %q has no host: %v", site.out.Project.Config.BaseURL, err)
		}
		official := officialLinks(site)
		var bad []string
		scanned := 0
		for name, data := range site.out.Files {
			var refs []string
			switch path.Ext(name) {
			case ".html":
				refs = append(attrRefs(string(data)), cssRefs(string(data))...)
			case ".css":
				refs = cssRefs(string(data))
			case ".js", ".mjs":
				refs = jsURL.FindAllString(string(data), -1)
			default:
				continue
			}
			scanned++
			for _, ref := range refs {
				if host := foreignHost(ref, base.Host); host != "" && !official[ref] {
					bad = append(bad, fmt.Sprintf("%s: references %s (host %s)", name, ref, host))
				}
			}
		}
		t.Logf("third-party references: %d files scanned, %d found", scanned, len(bad))
		if len(bad) > 0 {
			t.Errorf("pages must only reference %s:\n%s", base.Host, strings.Join(bad, "\n"))
		}
	})
}

// officialLinks are the URLs of official sources the content of site names.
func officialLinks(site *built) map[string]bool {
	c := site.out.Project.Content
	links := map[string]bool{}
	for _, x := range c.Certifications {
		links[x.FicheURL], links[x.CriteresURL] = true, true
		for _, r := range x.ROME {
			links["https://candidat.francetravail.fr/metierscope/fiche-metier/"+r.Code] = true
		}
	}
	for _, m := range c.Metiers {
		links[m.Onisep] = true
		for _, r := range m.ROME {
			links["https://candidat.francetravail.fr/metierscope/fiche-metier/"+r] = true
		}
	}
	delete(links, "")
	return links
}

func attrRefs(doc string) []string {
	var refs []string
	for _, m := range attrURL.FindAllStringSubmatch(doc, -1) {
		v := m[2] + m[3] + m[4]
		v = strings.NewReplacer("&amp;", "&", "&#47;", "/", "&#x2F;", "/").Replace(v)
		if strings.EqualFold(m[1], "srcset") {
			for _, cand := range strings.Split(v, ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					refs = append(refs, f[0])
				}
			}
			continue
		}
		refs = append(refs, v)
	}
	return refs
}

func cssRefs(css string) []string {
	var refs []string
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		refs = append(refs, m[1]+m[2])
	}
	return refs
}

// foreignHost returns the host ref points to when it is absolute and not
// the site's own, else "".
func foreignHost(ref, own string) string {
	ref = strings.TrimSpace(ref)
	if namespaces[ref] {
		return ""
	}
	lower := strings.ToLower(ref)
	if !strings.HasPrefix(lower, "//") && !strings.HasPrefix(lower, "http:") && !strings.HasPrefix(lower, "https:") {
		return "" // relative, fragment, data:, mailto:, tel: or plain text (meta content)
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	if strings.EqualFold(u.Host, own) {
		return ""
	}
	if u.Host == "" {
		return ref
	}
	return u.Host
}
