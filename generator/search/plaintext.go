package search

import (
	"html"
	"strings"
)

// PlainText returns the text of an HTML fragment rendered from markdown:
// tags dropped, entities decoded, white space collapsed. It is meant for the
// generator's own markdown output, not for arbitrary HTML. A block tag
// becomes a space, so that the words of two paragraphs never run together;
// an inline tag vanishes, so that "**métier**, pour" stays "métier, pour".
func PlainText(h []byte) string {
	s := string(h)
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		if !isInline(s[i+1 : i+j]) {
			b.WriteByte(' ')
		}
		s = s[i+j+1:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// isInline reports whether the tag (without < >) is a phrasing element.
func isInline(tag string) bool {
	tag = strings.TrimPrefix(tag, "/")
	if i := strings.IndexAny(tag, " \t\n/"); i >= 0 {
		tag = tag[:i]
	}
	switch strings.ToLower(tag) {
	case "a", "abbr", "b", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u":
		return true
	}
	return false
}
