package rncp

import (
	"html"
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// line is one block of text of an HTML field: a paragraph, a list item or
// a line ended by <br>.
type line struct {
	text string
	item bool // a list item (<li>)
	soft bool // follows a <br> of the same paragraph
}

// blockTags end a line; every other tag is dropped and its text kept.
var blockTags = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "br": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"table": true, "tr": true, "td": true, "th": true, "blockquote": true,
	"section": true, "dl": true, "dt": true, "dd": true, "hr": true,
}

// lines splits an HTML fragment into its lines of text: entities decoded,
// tags removed, white space collapsed. A field without any tag is plain
// text, whose line breaks are kept.
func lines(s string) []line {
	var out []line
	var cur strings.Builder
	item, soft := false, false
	flush := func() {
		t := strings.Join(strings.FieldsFunc(html.UnescapeString(cur.String()), isSpace), " ")
		if t != "" {
			out = append(out, line{text: t, item: item, soft: soft})
		}
		cur.Reset()
	}
	plain := !hasTag(s)
	for s != "" {
		i := strings.IndexAny(s, "<\n")
		if i < 0 {
			cur.WriteString(s)
			break
		}
		cur.WriteString(s[:i])
		s = s[i:]
		if s[0] == '\n' {
			s = s[1:]
			if plain {
				flush()
				item, soft = false, false
			} else {
				cur.WriteByte(' ')
			}
			continue
		}
		name, closing, n := tag(s)
		if n == 0 { // a lone "<", as in "< 10 min"
			cur.WriteByte('<')
			s = s[1:]
			continue
		}
		s = s[n:]
		if !blockTags[name] {
			continue
		}
		flush()
		switch {
		case name == "br":
			soft = true
		case name == "li" && !closing:
			item, soft = true, false
		default:
			item, soft = false, false
		}
	}
	flush()
	return out
}

// isSpace is white space for collapsing, the non-breaking kinds included:
// the export uses them as ordinary spaces.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' }

func hasTag(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0; {
		if _, _, n := tag(s[i:]); n > 0 {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// tag reads the tag s starts with: its lower-case name, whether it closes,
// and its length; n is 0 when s does not start with a tag. Comments and
// declarations are tags without a name.
func tag(s string) (name string, closing bool, n int) {
	if len(s) < 2 || s[0] != '<' {
		return "", false, 0
	}
	if strings.HasPrefix(s, "<!--") {
		end := strings.Index(s[4:], "-->")
		if end < 0 {
			return "", false, len(s)
		}
		return "", false, 4 + end + 3
	}
	i := 1
	if s[1] == '/' {
		closing, i = true, 2
	}
	start := i
	for i < len(s) && (isASCIILetter(s[i]) || start < i && s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == start && s[1] != '!' {
		return "", false, 0
	}
	end := strings.IndexByte(s[i:], '>')
	if end < 0 {
		return "", false, 0
	}
	return strings.ToLower(s[start:i]), closing, i + end + 1
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// Markdown converts an HTML field of the fiche to markdown: paragraphs
// apart, list items (<li>, or lines the export starts with "- " or "• ")
// as "- " lines, <br> as a line break inside the paragraph. Inline
// formatting is dropped, as in the table importer, and what markdown would
// read as markup is escaped, so that the text shows as the fiche wrote it.
func Markdown(s string) string {
	var b strings.Builder
	prevItem := false
	for i, l := range lines(s) {
		text, bullet := cutBullet(l.text)
		item := l.item || bullet
		switch {
		case i == 0:
		case item && prevItem, l.soft:
			b.WriteString("\n")
		default:
			b.WriteString("\n\n")
		}
		if item {
			b.WriteString("- ")
		}
		b.WriteString(escape(text))
		prevItem = item
	}
	return b.String()
}

// cutBullet removes the bullet a line of the export starts with.
func cutBullet(s string) (string, bool) {
	for _, bullet := range []string{"- ", "• ", "– ", "— ", "· ", "* "} {
		if rest, ok := strings.CutPrefix(s, bullet); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}

var (
	mdInline    = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`)
	mdLineStart = lazyRegexp(`^(#|>|[-+] |=|\d+[.)](\s|$))`)
)

// escape makes t literal markdown.
func escape(t string) string {
	t = mdInline.Replace(t)
	if mdLineStart().MatchString(t) {
		t = `\` + t
	}
	return t
}

// lazyRegexp compiles expr on first use, not at the start of every cursus
// process.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
