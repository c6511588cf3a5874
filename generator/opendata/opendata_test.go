package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"cursus/generator/content"
)

// certs loads the golden site of three certifications.
func certs(t *testing.T) *content.Site {
	t.Helper()
	site, err := content.Load(os.DirFS("../testdata/certs/content"))
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Certifications) < 2 {
		t.Fatalf("%d certifications, want several", len(site.Certifications))
	}
	return site
}

var opts = Options{Abs: func(p string) string { return "https://example.org" + p }, Date: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)}

// rows counts the rows of a certification's CSV: one per critère, or per
// compétence without any.
func rows(c *content.Certification) int {
	n := 0
	for _, co := range c.Competences {
		n += max(1, len(co.Criteria))
	}
	return n
}

// TestDeterministic builds every download twice.
func TestDeterministic(t *testing.T) {
	site := certs(t)
	for _, c := range site.Certifications {
		a, err := Certification(c, opts)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Certification(c, opts)
		if len(a) != 4 {
			t.Fatalf("%s: %d downloads, want 4", c.Slug, len(a))
		}
		for i := range a {
			if !bytes.Equal(a[i].Data, b[i].Data) || a[i].Path != b[i].Path {
				t.Errorf("%s: two builds differ", a[i].Path)
			}
			if !strings.HasPrefix(a[i].Path, "/"+c.Slug+"/donnees/") {
				t.Errorf("%s: not under the certification's /donnees/", a[i].Path)
			}
		}
	}
}

// TestJSONSchema validates referentiel.json against the published schema
// and reads it back into the same référentiel.
func TestJSONSchema(t *testing.T) {
	site := certs(t)
	id := opts.Abs(SchemaPath)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema(id)))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	comp.AssertFormat()
	if err := comp.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := comp.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range site.Certifications {
		ref := FromModel(c, opts.Abs)
		data, err := ref.JSON()
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: referentiel.json does not validate:\n%v", c.Slug, err)
		}
		var back Referentiel
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&back, ref) {
			t.Errorf("%s: read back, the référentiel differs", c.Slug)
		}
		// And the référentiel is the model's.
		if back.Title != c.Title || back.RNCP != c.RNCP || len(back.Blocs) != len(c.Blocs) {
			t.Errorf("%s: identity or blocs differ from the model", c.Slug)
		}
		n := 0
		for i, b := range back.Blocs {
			for j, co := range b.Competences {
				m := c.Blocs[i].Competences[j]
				if co.ID != m.ID || co.Text != m.Text || len(co.Criteria) != len(m.Criteria) || co.URL != opts.Abs(m.Path()) {
					t.Errorf("%s: compétence %s differs from the model's %s", c.Slug, co.ID, m.ID)
				}
				n++
			}
		}
		if n != len(c.Competences) {
			t.Errorf("%s: %d compétences, the model has %d", c.Slug, n, len(c.Competences))
		}
	}
	// A document the schema must refuse.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"$schema":"x","title":"","blocs":[],"modalites":[],"metiers":[]}`))
	if sch.Validate(bad) == nil {
		t.Error("the schema accepts a référentiel without url nor title")
	}
}

// TestCSV reads referentiel.csv back as a spreadsheet would.
func TestCSV(t *testing.T) {
	for _, c := range certs(t).Certifications {
		data, err := CSV(c)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(bom)) {
			t.Fatalf("%s: no BOM", c.Slug)
		}
		r := csv.NewReader(bytes.NewReader(data[len(bom):]))
		all, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: not RFC 4180: %v", c.Slug, err)
		}
		if !reflect.DeepEqual(all[0], csvHeader) {
			t.Errorf("%s: header %q", c.Slug, all[0])
		}
		if got, want := len(all)-1, rows(c); got != want {
			t.Errorf("%s: %d rows, want %d", c.Slug, got, want)
		}
		if !bytes.Contains(data, []byte("\r\n")) {
			t.Errorf("%s: lines do not end in CRLF", c.Slug)
		}
	}
}

// TestMoodle reads the CSV the way tool_lpimportcsv's framework_importer
// does: columns by position, the framework row, then a tree of idnumbers.
func TestMoodle(t *testing.T) {
	for _, c := range certs(t).Certifications {
		data, err := Moodle(c)
		if err != nil {
			t.Fatal(err)
		}
		all, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(all[0], moodleHeader) || len(moodleHeader) != 14 {
			t.Fatalf("%s: header %q", c.Slug, all[0])
		}
		fw := all[1]
		if fw[12] == "" || fw[1] == "" || fw[2] == "" || fw[5] == "" || fw[6] == "" || fw[13] == "" {
			t.Errorf("%s: framework row %q lacks isframework, idnumber, shortname or scale", c.Slug, fw)
		}
		var cfg []map[string]any
		if err := json.Unmarshal([]byte(fw[6]), &cfg); err != nil || len(cfg) != 3 {
			t.Errorf("%s: scale configuration %q: %v", c.Slug, fw[6], err)
		}
		seen := map[string]bool{"": true}
		depth := map[string]int{"": 0}
		criteria := 0
		for _, row := range all[2:] {
			if len(row) != 14 {
				t.Fatalf("%s: row of %d columns", c.Slug, len(row))
			}
			parent, id := row[0], row[1]
			if row[12] != "" {
				t.Errorf("%s: second framework row %q", c.Slug, row)
			}
			if !seen[parent] {
				t.Errorf("%s: %s before its parent %s", c.Slug, id, parent)
			}
			if seen[id] {
				t.Errorf("%s: idnumber %s twice", c.Slug, id)
			}
			if len([]rune(id)) > 100 || len([]rune(row[2])) > 100 || row[2] == "" {
				t.Errorf("%s: idnumber or short name %q too long or empty", c.Slug, row[2])
			}
			seen[id], depth[id] = true, depth[parent]+1
			if depth[id] == 3 {
				criteria++
			}
		}
		if got := len(all) - 2; got != len(c.Blocs)+len(c.Competences)+c.Criteria() {
			t.Errorf("%s: %d competencies, want blocs + compétences + critères", c.Slug, got)
		}
		if criteria != c.Criteria() {
			t.Errorf("%s: %d critères at depth 3, want %d", c.Slug, criteria, c.Criteria())
		}
		again, _ := Moodle(c)
		if !bytes.Equal(data, again) {
			t.Errorf("%s: idnumbers not stable", c.Slug)
		}
	}
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestUUIDv5(t *testing.T) {
	// RFC 9562 appendix A.4: www.example.com in the DNS namespace.
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	if got, want := uuidV5(dns, "www.example.com"), "2ed6657d-e927-568b-95e1-2665a8aea6a2"; got != want {
		t.Errorf("uuidV5 = %s, want %s", got, want)
	}
}

// caseRequired are the fields CASE 1.1 requires of each object of a
// CFPackage, and of the LinkURIs they hold.
var caseRequired = map[string][]string{
	"CFDocument":    {"identifier", "uri", "CFPackageURI", "creator", "title", "lastChangeDateTime"},
	"CFItem":        {"identifier", "uri", "fullStatement", "lastChangeDateTime", "CFDocumentURI"},
	"CFAssociation": {"identifier", "associationType", "uri", "originNodeURI", "destinationNodeURI", "lastChangeDateTime"},
	"CFItemType":    {"identifier", "uri", "title", "description", "hierarchyCode", "lastChangeDateTime"},
	"LinkURI":       {"title", "identifier", "uri"},
}

// TestCASE checks every object of each package against the required fields
// of CASE 1.1, identifiers as UUIDs and dates as ISO 8601, and that the
// associations make a tree of the document's items.
func TestCASE(t *testing.T) {
	for _, c := range certs(t).Certifications {
		data, err := CASE(c, opts)
		if err != nil {
			t.Fatal(err)
		}
		var pkg map[string]any
		if err := json.Unmarshal(data, &pkg); err != nil {
			t.Fatal(err)
		}
		var check func(kind string, v any)
		check = func(kind string, v any) {
			o, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%s: %s is not an object", c.Slug, kind)
			}
			for _, f := range caseRequired[kind] {
				if s, ok := o[f].(string); (ok && s == "") || o[f] == nil {
					t.Errorf("%s: %s lacks %s", c.Slug, kind, f)
				}
			}
			if id, ok := o["identifier"].(string); !ok || !uuidRE.MatchString(id) {
				t.Errorf("%s: %s identifier %v is not a UUID v5", c.Slug, kind, o["identifier"])
			}
			if d, ok := o["lastChangeDateTime"].(string); ok {
				if _, err := time.Parse(time.RFC3339, d); err != nil {
					t.Errorf("%s: %s lastChangeDateTime %q", c.Slug, kind, d)
				}
			}
			for _, l := range []string{"CFPackageURI", "CFDocumentURI", "originNodeURI", "destinationNodeURI", "CFItemTypeURI"} {
				if o[l] != nil {
					check("LinkURI", o[l])
				}
			}
		}
		check("CFDocument", pkg["CFDocument"])
		items := map[string]bool{}
		for _, it := range pkg["CFItems"].([]any) {
			check("CFItem", it)
			items[it.(map[string]any)["identifier"].(string)] = true
		}
		if len(items) != len(c.Blocs)+len(c.Competences)+c.Criteria() {
			t.Errorf("%s: %d items, want blocs + compétences + critères", c.Slug, len(items))
		}
		docID := pkg["CFDocument"].(map[string]any)["identifier"].(string)
		children := map[string]bool{}
		for _, a := range pkg["CFAssociations"].([]any) {
			check("CFAssociation", a)
			o := a.(map[string]any)
			if o["associationType"] != "isChildOf" {
				t.Errorf("%s: association %v", c.Slug, o["associationType"])
			}
			from := o["originNodeURI"].(map[string]any)["identifier"].(string)
			to := o["destinationNodeURI"].(map[string]any)["identifier"].(string)
			if !items[from] || (!items[to] && to != docID) || children[from] {
				t.Errorf("%s: association %s → %s is not a tree edge", c.Slug, from, to)
			}
			children[from] = true
		}
		if len(children) != len(items) {
			t.Errorf("%s: %d items have a parent, want all %d", c.Slug, len(children), len(items))
		}
		for _, ty := range pkg["CFDefinitions"].(map[string]any)["CFItemTypes"].([]any) {
			check("CFItemType", ty)
		}
	}
}

// TestFilesFollowTheReferentiel: Again may keep the files of a
// certification whose referentiel.json did not change only if the other
// files are made of no more than it says. Every field of the model a
// certification reaches (its own, its blocs', compétences', critères',
// modalités', options', métiers'…) is changed in turn: when the CSV, the
// Moodle CSV or CASE change, referentiel.json must change too.
func TestFilesFollowTheReferentiel(t *testing.T) {
	base := certs(t)
	for ci := range base.Certifications {
		want, err := Certification(base.Certifications[ci], opts)
		if err != nil {
			t.Fatal(err)
		}
		fields := 0
		for k := 0; ; k++ {
			c := certs(t).Certifications[ci]
			where, ok := changeField(reflect.ValueOf(c), k, map[uintptr]bool{})
			if !ok {
				break
			}
			fields++
			got, err := Certification(c, opts)
			if err != nil {
				continue // a change the files refuse
			}
			if bytes.Equal(got[0].Data, want[0].Data) {
				for i := 1; i < 4; i++ {
					if !bytes.Equal(got[i].Data, want[i].Data) {
						t.Errorf("%s: changing %s changes %s but not referentiel.json", c.Slug, where, got[i].Path)
					}
				}
			}
		}
		if fields < 50 {
			t.Fatalf("%s: only %d fields changed", base.Certifications[ci].Slug, fields)
		}
	}
}

// changeField changes the k-th field (string, number, bool or time) met
// walking v through exported fields, slices and pointers, each pointer
// once, and says which; false when there are fewer.
func changeField(v reflect.Value, k int, seen map[uintptr]bool) (string, bool) {
	n := 0
	var where string
	var walk func(v reflect.Value, path string) bool
	walk = func(v reflect.Value, path string) bool {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return false
			}
			seen[v.Pointer()] = true
			return walk(v.Elem(), path)
		case reflect.Slice:
			for i := range v.Len() {
				if walk(v.Index(i), path+"["+string(rune('0'+i%10))+"]") {
					return true
				}
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[time.Time]() {
				if n == k {
					v.Set(reflect.ValueOf(v.Interface().(time.Time).AddDate(0, 0, 1)))
					where = path
					return true
				}
				n++
				return false
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() && walk(v.Field(i), path+"."+v.Type().Field(i).Name) {
					return true
				}
			}
		case reflect.String, reflect.Int, reflect.Bool:
			if n != k {
				n++
				return false
			}
			where = path
			switch v.Kind() {
			case reflect.String:
				v.SetString(v.String() + " changé")
			case reflect.Int:
				v.SetInt(v.Int() + 1)
			case reflect.Bool:
				v.SetBool(!v.Bool())
			}
			return true
		}
		return false
	}
	ok := walk(v, "certification")
	return where, ok
}
