package serve

import (
	"fmt"
	"strings"
)

// describe says in a few words what a rebuild changed, for the terminal.
func describe(m message, changed []string) string {
	if changed == nil {
		return "built the site"
	}
	what := "rebuilt after " + joinList(changed)
	if len(changed) > 3 {
		what = fmt.Sprintf("rebuilt after %d changes", len(changed))
	}
	switch {
	case m.All:
		return what + ": every page"
	case m.CSS != nil && len(m.Pages) == 0:
		return what + ": stylesheet swapped in place"
	case len(m.Pages) == 0:
		return what + ": no page changed"
	case len(m.Pages) == 1:
		return what + ": " + m.Pages[0]
	}
	return fmt.Sprintf("%s: %d pages", what, len(m.Pages))
}

func joinList(s []string) string { return strings.Join(s, ", ") }

func joinLines(s []string) string { return strings.Join(s, "\n") }
