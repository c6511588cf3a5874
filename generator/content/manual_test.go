package content

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestManualNamesEveryField: every TOML key of the content files appears,
// as `key`, in the manual for content writers (docs/manuel.md): a field
// added to the model without a word in the manual fails here.
func TestManualNamesEveryField(t *testing.T) {
	manual, err := os.ReadFile("../../docs/manuel.md")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, v := range []any{certificationFile{}, modalitesFile{}, blocFile{}, pageFront{}, metierFront{}} {
		tomlKeys(reflect.TypeOf(v), keys)
	}
	if len(keys) < 40 {
		t.Fatalf("%d keys found: the walk misses fields", len(keys))
	}
	for k := range keys {
		named := false
		for _, form := range []string{"`" + k + "`", "`" + k + " = ", "\n" + k + " = ", "{ " + k + " = ", "[[" + k + "]]"} {
			named = named || strings.Contains(string(manual), form)
		}
		if !named {
			t.Errorf("docs/manuel.md does not name the field %s", k)
		}
	}
}

func tomlKeys(t reflect.Type, keys map[string]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.PkgPath() == "time" {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if tag := f.Tag.Get("toml"); tag != "" && tag != "-" {
			keys[strings.Split(tag, ",")[0]] = true
		}
		tomlKeys(f.Type, keys)
	}
}
