package markdown

import (
	"bytes"
	"strings"
)

// Non-breaking spaces of French typography: a thin one before ; ! ? and
// inside « », a normal one before a colon.
const (
	nbsp  = "\u00a0"
	nnbsp = "\u202f"
)

var frenchSpaces = strings.NewReplacer(
	" ;", nnbsp+";", " !", nnbsp+"!", " ?", nnbsp+"?", " :", nbsp+":",
	"« ", "«"+nbsp, " »", nbsp+"»",
)

// French applies French typography to plain text from the référentiel:
// typographic apostrophe, « » for straight double quotes, and non-breaking
// spaces before ; : ! ? so the sign never starts a line.
func French(s string) string {
	if strings.IndexByte(s, '\'') >= 0 {
		s = strings.ReplaceAll(s, "'", "’")
	}
	if strings.IndexByte(s, '"') >= 0 {
		s = frenchQuotes(s)
	}
	// ContainsAny with « or » in its set would look up every rune of s in
	// the set, one call each: the ASCII signs are found in one pass.
	if strings.ContainsAny(s, ";:!?") || strings.Contains(s, "«") || strings.Contains(s, "»") {
		s = frenchSpaces.Replace(s)
	}
	return s
}

func frenchQuotes(s string) string {
	var b strings.Builder
	open := true
	for _, r := range s {
		if r != '"' {
			b.WriteRune(r)
			continue
		}
		if open {
			b.WriteString("«" + nbsp)
		} else {
			b.WriteString(nbsp + "»")
		}
		open = !open
	}
	return b.String()
}

// FrenchHTML puts non-breaking spaces before ; : ! ? in the text of an HTML
// fragment, leaving tags, attributes, code, pre, script and style alone.
func FrenchHTML(h []byte) []byte {
	if !bytes.ContainsAny(h, ";:!?") {
		return h
	}
	var out bytes.Buffer
	out.Grow(len(h) + 64)
	skip := "" // closing tag that ends a raw region
	for len(h) > 0 {
		lt := bytes.IndexByte(h, '<')
		if lt < 0 {
			lt = len(h)
		}
		if skip == "" {
			out.WriteString(frenchSpaces.Replace(string(h[:lt])))
		} else {
			out.Write(h[:lt])
		}
		h = h[lt:]
		if len(h) == 0 {
			break
		}
		gt := bytes.IndexByte(h, '>')
		if gt < 0 {
			out.Write(h)
			break
		}
		tag := h[:gt+1]
		out.Write(tag)
		h = h[gt+1:]
		name := tagName(tag)
		switch {
		case skip != "" && name == skip:
			skip = ""
		case skip == "" && (name == "code" || name == "pre" || name == "script" || name == "style" || name == "kbd"):
			skip = "/" + name
		}
	}
	return out.Bytes()
}

func tagName(tag []byte) string {
	t := bytes.TrimPrefix(tag, []byte("<"))
	end := bytes.IndexAny(t, " \t\n>/")
	if len(t) > 0 && t[0] == '/' {
		e := bytes.IndexAny(t[1:], " \t\n>")
		if e < 0 {
			return ""
		}
		return string(bytes.ToLower(t[:e+1]))
	}
	if end < 0 {
		return ""
	}
	return string(bytes.ToLower(t[:end]))
}
