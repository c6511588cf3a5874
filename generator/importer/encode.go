package importer

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// blocDoc is one content/blocs/bN.toml file, as read from existing content
// or about to be written.
type blocDoc struct {
	comment     string // the lines of comments the file starts with, verbatim
	id          string
	number      int
	title       string
	label       string
	activities  []string
	modalites   []string
	extras      []extra // keys people added by hand, in their order
	metiers     []metierDoc
	competences []competenceDoc
}

type metierDoc struct {
	id, title string
	extras    []extra
}

type competenceDoc struct {
	id, label, text string
	modalites       []string
	criteria        []string
	extras          []extra
}

// modalitesDoc is content/modalites.toml.
type modalitesDoc struct {
	comment string
	extras  []extra
	list    []modaliteDoc
}

type modaliteDoc struct {
	id, name, detail string
	extras           []extra
}

// extra is a key the importer does not manage, kept as it was.
type extra struct {
	key   string
	value any
}

// inlineMax is the length under which a one-item array stays on one line,
// as in the hand-written files: activities = ["Sécuriser un système d'information"].
const inlineMax = 60

// encoder writes TOML in the layout of the hand-written content files: keys
// in a fixed order, arrays one item per line, a blank line between tables.
type encoder struct{ b bytes.Buffer }

func (e *encoder) str(key, v string) { fmt.Fprintf(&e.b, "%s = %s\n", key, quote(v)) }

func (e *encoder) list(key string, items []string) {
	switch {
	case len(items) == 0:
		fmt.Fprintf(&e.b, "%s = []\n", key)
	case len(items) == 1 && utf8.RuneCountInString(items[0]) < inlineMax:
		fmt.Fprintf(&e.b, "%s = [%s]\n", key, quote(items[0]))
	default:
		fmt.Fprintf(&e.b, "%s = [\n", key)
		for _, it := range items {
			fmt.Fprintf(&e.b, "  %s,\n", quote(it))
		}
		e.b.WriteString("]\n")
	}
}

func (e *encoder) extras(xs []extra) {
	for _, x := range xs {
		fmt.Fprintf(&e.b, "%s = %s\n", quoteKey(x.key), value(x.value))
	}
}

// metiers writes the [[metiers]] tables of a bloc.
func (e *encoder) metiers(ms []metierDoc) {
	for _, m := range ms {
		e.b.WriteString("\n[[metiers]]\n")
		e.str("id", m.id)
		e.str("title", m.title)
		e.extras(m.extras)
	}
}

func (d *blocDoc) encode() []byte {
	var e encoder
	e.b.WriteString(d.comment)
	e.str("id", d.id)
	fmt.Fprintf(&e.b, "number = %d\n", d.number)
	e.str("title", d.title)
	e.str("label", d.label)
	e.list("activities", d.activities)
	e.list("modalites", d.modalites)
	e.extras(d.extras)
	e.metiers(d.metiers)
	for _, c := range d.competences {
		e.b.WriteString("\n[[competences]]\n")
		e.str("id", c.id)
		e.str("label", c.label)
		e.str("text", c.text)
		if len(c.modalites) > 0 {
			e.list("modalites", c.modalites)
		}
		e.list("criteria", c.criteria)
		e.extras(c.extras)
	}
	return e.b.Bytes()
}

func (d *modalitesDoc) encode() []byte {
	var e encoder
	e.b.WriteString(d.comment)
	e.extras(d.extras)
	for i, m := range d.list {
		if i > 0 || len(d.extras) > 0 || d.comment != "" && !strings.HasSuffix(d.comment, "\n\n") {
			e.b.WriteString("\n")
		}
		e.b.WriteString("[[modalites]]\n")
		e.str("id", m.id)
		e.str("name", m.name)
		e.str("detail", m.detail)
		e.extras(m.extras)
	}
	return e.b.Bytes()
}

// quote writes s as a TOML basic string. Only what TOML forbids is escaped,
// so that accents, œ and typographic quotes stay readable.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2) // most strings need no escape: one allocation
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func quoteKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		if !isASCIIAlnum(k[i]) && k[i] != '_' && k[i] != '-' {
			return quote(k)
		}
	}
	return k
}

// value writes a value decoded by BurntSushi/toml back as TOML. Tables come
// out inline, which TOML reads back the same.
func value(v any) string {
	switch v := v.(type) {
	case string:
		return quote(v)
	case bool:
		return strconv.FormatBool(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		switch {
		case math.IsInf(v, 1):
			return "inf"
		case math.IsInf(v, -1):
			return "-inf"
		case math.IsNaN(v):
			return "nan"
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	case time.Time:
		// BurntSushi/toml marks local dates and times by the zone's name.
		switch v.Location().String() {
		case "datetime-local":
			return v.Format("2006-01-02T15:04:05.999999999")
		case "date-local":
			return v.Format("2006-01-02")
		case "time-local":
			return v.Format("15:04:05.999999999")
		}
		return v.Format(time.RFC3339Nano)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = value(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []map[string]any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = value(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = quoteKey(k) + " = " + value(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	default:
		return quote(fmt.Sprint(v))
	}
}
