package search

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestJSON pins the format search.js reads: short keys, empty optional
// fields left out, < > & unescaped, no trailing newline.
func TestJSON(t *testing.T) {
	ix := &Index{
		Blocs: []BlocInfo{{Number: 7, Label: "Cybersécurité"}},
		Words: []string{"b7.c2", "securite"},
		Cuts:  []int{0, 1},
		Docs: []Doc{
			{Kind: Competence, URL: "/competences/b7-c2/?a=1&b=<2>", Code: "B7.C2", Title: "Sécuriser « le SI »", Text: "l’œuvre\n\"x\"", Blocs: []int{7}, TitleW: []int{0, 1}, BodyW: []int{1}},
			{Kind: Page, URL: "/p/", Title: "P", TitleW: []int{}},
		},
	}
	got, err := ix.JSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"blocs":[{"n":7,"l":"Cybersécurité"}],"words":["b7.c2","securite"],"cut":[0,1],"docs":[` +
		`{"k":2,"u":"/competences/b7-c2/?a=1&b=<2>","c":"B7.C2","t":"Sécuriser « le SI »","x":"l’œuvre\n\"x\"","b":[7],"tw":[0,1],"xw":[1]},` +
		`{"k":4,"u":"/p/","t":"P","tw":[]}]}`
	if string(got) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", got, want)
	}
}

// TestJSONRoundTrip reads the bundled index back as published.
func TestJSONRoundTrip(t *testing.T) {
	ix := bundled(t)
	data, err := ix.JSON()
	if err != nil {
		t.Fatal(err)
	}
	back := &Index{}
	if err := json.Unmarshal(data, back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, ix) {
		t.Errorf("the bundled index does not read back as written")
	}
}
