package search

import (
	"strconv"
	"unicode/utf8"
)

// JSON encodes the index compactly, leaving < > & as they are: the file is
// fetched, never inlined in HTML. The output is byte for byte what
// encoding/json gives with SetEscapeHTML(false) (a test holds it to that),
// written by hand because the index of a large référentiel has hundreds of
// thousands of values and reflection made it a tenth of the build.
func (ix *Index) JSON() ([]byte, error) {
	size := 64
	for _, d := range ix.Docs {
		size += 48 + len(d.URL) + len(d.Code) + len(d.Title) + len(d.Text) + len(d.Context) + 6*(len(d.TitleW)+len(d.BodyW))
	}
	for _, w := range ix.Words {
		size += len(w) + 5
	}
	// A margin for escapes and long numbers: growing a buffer of megabytes
	// copies it and touches fresh memory, which costs more here than the
	// encoding.
	size += size / 16
	b := make([]byte, 0, size)
	b = append(b, `{"blocs":`...)
	b = appendArray(b, ix.Blocs, func(b []byte, bl *BlocInfo) []byte {
		b = append(b, `{"n":`...)
		b = strconv.AppendInt(b, int64(bl.Number), 10)
		b = append(b, `,"l":`...)
		b = appendString(b, bl.Label)
		return append(b, '}')
	})
	b = append(b, `,"words":`...)
	b = appendArray(b, ix.Words, func(b []byte, w *string) []byte { return appendString(b, *w) })
	b = append(b, `,"cut":`...)
	b = appendInts(b, ix.Cuts)
	b = append(b, `,"docs":`...)
	b = appendArray(b, ix.Docs, func(b []byte, d *Doc) []byte { return d.appendJSON(b) })
	return append(b, '}'), nil
}

func (d *Doc) appendJSON(b []byte) []byte {
	b = append(b, `{"k":`...)
	b = strconv.AppendInt(b, int64(d.Kind), 10)
	b = append(b, `,"u":`...)
	b = appendString(b, d.URL)
	if d.Code != "" {
		b = append(b, `,"c":`...)
		b = appendString(b, d.Code)
	}
	b = append(b, `,"t":`...)
	b = appendString(b, d.Title)
	if d.Text != "" {
		b = append(b, `,"x":`...)
		b = appendString(b, d.Text)
	}
	if d.Context != "" {
		b = append(b, `,"p":`...)
		b = appendString(b, d.Context)
	}
	if len(d.Blocs) > 0 {
		b = append(b, `,"b":`...)
		b = appendInts(b, d.Blocs)
	}
	b = append(b, `,"tw":`...)
	b = appendInts(b, d.TitleW)
	if len(d.BodyW) > 0 {
		b = append(b, `,"xw":`...)
		b = appendInts(b, d.BodyW)
	}
	return append(b, '}')
}

func appendInts(b []byte, ns []int) []byte {
	return appendArray(b, ns, func(b []byte, n *int) []byte { return strconv.AppendInt(b, int64(*n), 10) })
}

// appendArray appends xs as a JSON array, each element written by each, or
// null for a nil slice as encoding/json does.
func appendArray[T any](b []byte, xs []T, each func([]byte, *T) []byte) []byte {
	if xs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = each(b, &xs[i])
	}
	return append(b, ']')
}

const hex = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does
// without HTML escaping: invalid UTF-8 becomes U+FFFD, and U+2028 and U+2029
// are escaped for JavaScript.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += n
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += n
			start = i
			continue
		}
		i += n
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
