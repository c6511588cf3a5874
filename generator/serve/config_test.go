package serve

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cursus/internal/testsite"
)

// TestConfigRetargetsTheme switches the theme in config.toml: the server
// rebuilds with it and watches the new theme, not the old one.
func TestConfigRetargetsTheme(t *testing.T) {
	dir := copySite(t)
	testsite.Copy(t, filepath.Join(dir, "themes/default"), filepath.Join(dir, "themes/alt"))
	s := start(t, Options{Source: dir, Build: realBuild})
	events := subscribe(t, s.URL(), s.hub.current.Load().build)

	edit(t, dir, "config.toml", `theme = "default"`, `theme = "alt"`, true)
	if m := next(t, events); len(m.Errors) > 0 {
		t.Fatalf("after the theme switch: %q", m.Errors)
	}
	edit(t, dir, "themes/alt/layouts/partials/chrome.html", `<footer class="site-footer">`, `<footer class="site-footer"><p>Thème alt</p>`, true)
	if m := next(t, events); !m.All {
		t.Errorf("after an edit of the new theme: %+v, want every page", m)
	}
	if !strings.Contains(fetch(t, s.URL()), "Thème alt") {
		t.Error("the new theme's template is not used")
	}
	edit(t, dir, "themes/default/layouts/partials/chrome.html", `<footer class="site-footer">`, `<footer class="site-footer"><p>Ancien</p>`, true)
	select {
	case m := <-events:
		t.Errorf("an edit of the old theme rebuilt: %+v", m)
	case <-time.After(200 * time.Millisecond):
	}
}

// TestPollMode finds a save by polling.
func TestPollMode(t *testing.T) {
	dir := copySite(t)
	s := start(t, Options{Source: dir, Build: realBuild, Poll: 20 * time.Millisecond})
	events := subscribe(t, s.URL(), s.hub.current.Load().build)
	edit(t, dir, "content/blocs/b1.toml", "Clarté et précision", "Clarté sondée et précision", false)
	m := next(t, events)
	if len(m.Pages) == 0 || !strings.Contains(fetch(t, s.URL()+"competences/b1-c1/"), "Clarté sondée") {
		t.Errorf("after a save: %+v", m)
	}
}
