package search

import (
	"bytes"
	"encoding/json"
	"testing"
)

// stdJSON is what encoding/json makes of the index, the reference JSON
// must match.
func stdJSON(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func TestJSONMatchesEncodingJSON(t *testing.T) {
	ix := bundled(t)
	got, err := ix.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := stdJSON(t, ix); !bytes.Equal(got, want) {
		t.Errorf("JSON of the bundled index differs from encoding/json's (%d and %d bytes)", len(got), len(want))
	}
	for _, ix := range []*Index{
		{},
		{Blocs: []BlocInfo{}, Words: []string{}, Cuts: []int{}, Docs: []Doc{{}}},
		{Docs: []Doc{{Kind: Page, URL: "/a?b=<c>&d", Code: "B1", Title: "\"q\" \\ \x00\x1f\b\f\n\r\t", Text: "\u2028\u2029 é \xff\xfe ok", Context: "x", Blocs: []int{1, -2}, TitleW: []int{}, BodyW: []int{3}}}},
	} {
		got, _ := ix.JSON()
		if want := stdJSON(t, ix); !bytes.Equal(got, want) {
			t.Errorf("JSON:\n%s\nencoding/json:\n%s", got, want)
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "abc", "\"\\", "\x00\x7f", "\u2028", "é\xff", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ix := &Index{Words: []string{s}, Docs: []Doc{{Title: s, Text: s}}}
		got, _ := ix.JSON()
		if want := stdJSON(t, ix); !bytes.Equal(got, want) {
			t.Errorf("%q: JSON %s, encoding/json %s", s, got, want)
		}
	})
}
