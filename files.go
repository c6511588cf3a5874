// Package cursus holds, embedded in the binary, the files a new site starts
// from: the default theme and an example site (skeleton/), so that cursus
// new works from an installed binary, far from this repository.
package cursus

import (
	"embed"
	"io/fs"
)

//go:embed themes/default skeleton
var files embed.FS

// Skeleton returns the example site: config.toml and content/.
func Skeleton() fs.FS { return sub("skeleton") }

// DefaultTheme returns the default theme: layouts/ and static/.
func DefaultTheme() fs.FS { return sub("themes/default") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // dir is embedded: fs.Sub fails only on an invalid name
	}
	return f
}
