package serve

import (
	"strings"
	"testing"

	"cursus/generator/msg"
)

// TestErrorPageLanguage: the page shown before any build succeeded speaks
// the site's language, and says so to the overlay's script (html lang).
func TestErrorPageLanguage(t *testing.T) {
	for lang, want := range map[msg.Lang][]string{
		msg.EN: {`<html lang="en">`, "<h1>The site could not be built</h1>", "<li><code>config.toml:1:1: x</code></li>"},
		msg.FR: {`<html lang="fr">`, "<h1>Le site n’a pas pu être construit</h1>"},
	} {
		page := string(errorPage(lang, []string{"config.toml:1:1: x"}, 1))
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%v: page lacks %q:\n%s", lang, w, page)
			}
		}
	}
}
