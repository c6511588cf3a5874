package testsite

import (
	"os"
	"path/filepath"
	"testing"
)

func TestBundled(t *testing.T) {
	dir := Bundled(t, "../..")
	for _, f := range []string{"config.toml", "content/blocs/b1.toml", "themes/default/layouts/base.html"} {
		want, _ := os.ReadFile(filepath.Join("../..", f))
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s not copied: %v", f, err)
		}
	}
}
