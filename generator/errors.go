package generator

import (
	"errors"

	"cursus/generator/diag"
)

// prefixFiles makes the file names of a diag.List relative to the site root
// instead of the content directory, so that they can be opened as printed.
func prefixFiles(err error, dir string) error {
	var list diag.List
	if !errors.As(err, &list) {
		return err
	}
	out := make(diag.List, len(list))
	for i, e := range list {
		ne := *e
		if ne.Pos.File != "" {
			ne.Pos.File = dir + ne.Pos.File
		}
		out[i] = &ne
	}
	return out
}
