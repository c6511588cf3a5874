package render

import (
	"bytes"
	"regexp"
	"strconv"
)

// Templates are parsed minified, on a few long lines, and an execution
// error gives its position in what was parsed. The minifier keeps every
// action ({{…}}) as written and in order, so the n-th action of a given
// text in the minified source is the n-th of that text in the source as
// written: that is how asWritten finds the line a person can open.

// location matches the position text/template and html/template put in
// their errors: "template: name:line:col: …" or "html/template:name:line:col: …".
var location = regexp.MustCompile(`^((?:html/)?template: ?)([^:\s]+):(\d+):(\d+)`)

// asWritten returns err with its position moved from the minified source
// of its template to the source as written.
func (t *Theme) asWritten(err error) error {
	msg := err.Error()
	m := location.FindStringSubmatchIndex(msg)
	if m == nil {
		return err
	}
	name := msg[m[4]:m[5]]
	src, ok := t.sources[name]
	if !ok {
		return err
	}
	line, _ := strconv.Atoi(msg[m[6]:m[7]])
	col, _ := strconv.Atoi(msg[m[8]:m[9]])
	off, ok := mapOffset(src, offsetOf(src.parsed, line, col))
	if !ok {
		return err
	}
	line, col = lineCol(src.written, off)
	return &mappedError{msg[:m[4]] + name + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col) + msg[m[1]:]}
}

type mappedError struct{ msg string }

func (e *mappedError) Error() string { return e.msg }

// offsetOf returns the byte offset of a position as text/template gives
// it: 1-based line, 0-based byte in the line.
func offsetOf(src []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
	}
	return min(off+col, len(src))
}

// lineCol is the inverse of offsetOf.
func lineCol(src []byte, off int) (line, col int) {
	before := src[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	return line, off - (bytes.LastIndexByte(before, '\n') + 1)
}

// mapOffset maps an offset inside an action of parsed to the same place in
// written.
func mapOffset(src source, off int) (int, bool) {
	parsed, written := src.parsed, src.written
	spans := src.parsedSpans
	k, at := -1, -1
	for i, s := range spans {
		if s[0] <= off && off < s[1] {
			at = i
			break
		}
	}
	if at < 0 {
		return 0, false
	}
	text := parsed[spans[at][0]:spans[at][1]]
	for _, s := range spans[:at+1] {
		if bytes.Equal(parsed[s[0]:s[1]], text) {
			k++
		}
	}
	for _, s := range src.writtenSpans {
		if bytes.Equal(written[s[0]:s[1]], text) {
			if k == 0 {
				return s[0] + off - spans[at][0], true
			}
			k--
		}
	}
	return 0, false
}

// actions returns the spans of the {{…}} actions of a template source.
func actions(src []byte) [][2]int {
	var out [][2]int
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte("{{"))
		if i < 0 {
			return out
		}
		start := off + i
		j := bytes.Index(src[start:], []byte("}}"))
		if j < 0 {
			return out
		}
		end := start + j + 2
		out = append(out, [2]int{start, end})
		off = end
	}
}
