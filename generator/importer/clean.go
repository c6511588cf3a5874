package importer

import (
	"html"
	"iter"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// text is cleaned cell text that remembers where its bytes came from in the
// source line, so that a warning about a word deep in a cell still points
// at the right column of the exported file.
//
// Paragraph breaks (<p>, <li>, <br>…) are kept as '\n'; every other run of
// white space is a single space.
type text struct {
	s    string
	at   int   // index of s in the cleaned cell it was cut from
	runs []run // of that cell, by at
}

// run says that the cleaned cell, from its byte at to the next run, is a
// copy of the source line from byte src on. Cleaning starts a run after
// each tag, entity or collapsed space, and plain text needs none: a table
// of one long line costs little more than the line itself. Offsets fit in
// 32 bits, since a table is at most MaxTableSize.
type run struct{ at, src int32 }

// col is the 1-based column of byte i of t, which starts a character, or
// of fallback when t is empty.
func (t text) col(i, fallback int) int {
	if t.s == "" {
		return fallback + 1
	}
	i = t.at + min(i, len(t.s)-1)
	k := sort.Search(len(t.runs), func(k int) bool { return int(t.runs[k].at) > i }) - 1
	return int(t.runs[k].src) + i - int(t.runs[k].at) + 1
}

func (t text) slice(i, j int) text { return text{t.s[i:j], t.at + i, t.runs} }

// trim drops spaces, paragraph breaks and the bullet marks that exports put
// before list items.
func (t text) trim() text {
	i, j := 0, len(t.s)
	for i < j && (t.s[i] == ' ' || t.s[i] == '\n') {
		i++
	}
	for j > i && (t.s[j-1] == ' ' || t.s[j-1] == '\n') {
		j--
	}
	t = t.slice(i, j)
	for _, bullet := range []string{"- ", "• ", "– "} {
		if strings.HasPrefix(t.s, bullet) {
			return t.slice(len(bullet), len(t.s)).trim()
		}
	}
	if t.s == "-" || t.s == "•" {
		return t.slice(0, 0)
	}
	return t
}

// split cuts t at every occurrence of sep, trimming each piece and skipping
// empty ones. The pieces come one at a time: a cell of a million
// paragraphs never becomes a slice of them.
func (t text) split(sep string) iter.Seq[text] {
	return func(yield func(text) bool) {
		for {
			i := strings.Index(t.s, sep)
			if i < 0 {
				break
			}
			if p := t.slice(0, i).trim(); p.s != "" && !yield(p) {
				return
			}
			t = t.slice(i+len(sep), len(t.s))
		}
		if p := t.trim(); p.s != "" {
			yield(p)
		}
	}
}

// paragraphs splits t at the paragraph breaks left by block-level tags.
func (t text) paragraphs() iter.Seq[text] { return t.split("\n") }

// flat joins paragraphs with a space, for cells that hold one piece of prose.
func (t text) flat() text {
	t = t.trim()
	t.s = strings.ReplaceAll(t.s, "\n", " ") // same length: the runs still hold
	return t
}

// blockTags are the tags that separate items in a cell; every other tag is
// inline (<i>, <b>, <span>…) and simply disappears.
var blockTags = map[string]bool{
	"p": true, "div": true, "ul": true, "ol": true, "li": true, "br": true,
	"tr": true, "td": true, "th": true, "table": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true,
}

// cleaner turns one raw cell into text.
type cleaner struct {
	base    int // the offset of the cell in its line
	b       strings.Builder
	last    byte // the last byte written to b
	runs    []run
	space   int  // offset in the cell of a pending run of white space, or -1
	spaceNB rune // the non-breaking space that run contained, if any
}

// clean strips the HTML of a raw cell that starts at byte base of its line:
// tags are removed (block tags become paragraph breaks), entities decoded,
// white space collapsed. A space that a removed tag leaves before a comma is
// dropped, as in "<i>DevOps</i> ," → "DevOps,".
func clean(raw string, base int) text {
	c := cleaner{base: base, space: -1}
	c.b.Grow(len(raw)) // cleaning rarely lengthens: b grows once
	for i := 0; i < len(raw); {
		switch raw[i] {
		case '<':
			if name, n := parseTag(raw[i:]); n > 0 {
				i = c.tag(raw, i, name, n)
				continue
			}
		case '&':
			if dec, n := parseEntity(raw[i:]); n > 0 {
				for _, r := range dec {
					c.char(r, i)
				}
				i += n
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(raw[i:])
		c.char(r, i)
		i += n
	}
	return text{s: c.b.String(), runs: c.runs}.trimBreaks()
}

// trimBreaks drops paragraph breaks at both ends, keeping those inside.
func (t text) trimBreaks() text {
	i, j := 0, len(t.s)
	for i < j && t.s[i] == '\n' {
		i++
	}
	for j > i && t.s[j-1] == '\n' {
		j--
	}
	return t.slice(i, j)
}

func (c *cleaner) tag(raw string, i int, name string, n int) int {
	if blockTags[name] {
		c.space = -1
		if c.b.Len() > 0 && c.last != '\n' {
			c.emit("\n", i)
		}
		return i + n
	}
	// An inline tag vanishes; the space the export put after it belongs
	// before a comma in no French text, so it goes too.
	j := i + n
	k := j
	for k < len(raw) && (raw[k] == ' ' || raw[k] == '\t') {
		k++
	}
	if k > j && k < len(raw) && raw[k] == ',' {
		return k
	}
	return j
}

func (c *cleaner) char(r rune, at int) {
	if unicode.IsSpace(r) {
		if c.space < 0 {
			c.space, c.spaceNB = at, 0
		}
		if r == '\u00a0' || r == '\u202f' {
			c.spaceNB = r
		}
		return
	}
	c.emit(string(r), at)
}

func (c *cleaner) emit(s string, at int) {
	if c.space >= 0 && s != "\n" && c.b.Len() > 0 && c.last != '\n' {
		sp := " "
		if c.spaceNB != 0 {
			sp = string(c.spaceNB)
		}
		c.write(sp, c.space)
	}
	c.space = -1
	c.write(s, at)
}

// write appends s, which comes from byte i of the raw cell, and starts a
// run unless s continues the last one.
func (c *cleaner) write(s string, i int) {
	at, src := int32(c.b.Len()), int32(c.base+i)
	if k := len(c.runs) - 1; k < 0 || c.runs[k].src+at-c.runs[k].at != src {
		c.runs = append(c.runs, run{at, src})
	}
	c.b.WriteString(s)
	c.last = s[len(s)-1]
}

// parseTag reports the lower-case name and length of the tag s starts with,
// or n == 0 when s does not start with a tag (a lone "<" is text).
func parseTag(s string) (name string, n int) {
	// Callers skip a "<" that is not a tag one byte at a time; scanning
	// the rest of the cell for ">" each time would make a cell full of
	// "<" quadratic, so only the tag's own length is searched.
	if len(s) < 3 || s[0] != '<' {
		return "", 0
	}
	i := 1
	if s[i] == '/' {
		i++
	}
	start := i
	for i < len(s) && isASCIIAlnum(s[i]) {
		i++
	}
	if i == start || !isASCIILetter(s[start]) {
		return "", 0
	}
	end := strings.IndexByte(s[i:min(len(s), i+maxTag)], '>')
	if end < 0 {
		return "", 0
	}
	return strings.ToLower(s[start:i]), i + end + 1
}

// maxTag bounds the length of a tag: exports write short ones, with a
// style attribute at most.
const maxTag = 512

// parseEntity decodes the character reference s starts with.
func parseEntity(s string) (dec string, n int) {
	end := strings.IndexByte(s[:min(len(s), 33)], ';')
	if end < 2 || end > 32 {
		return "", 0
	}
	for i := 1; i < end; i++ {
		if !isASCIIAlnum(s[i]) && s[i] != '#' {
			return "", 0
		}
	}
	dec = html.UnescapeString(s[:end+1])
	if dec == s[:end+1] {
		return "", 0
	}
	return dec, end + 1
}

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
func isASCIIAlnum(b byte) bool  { return isASCIILetter(b) || '0' <= b && b <= '9' }
