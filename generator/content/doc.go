// Package content reads a site's content directory, an fs.FS, into a typed
// and validated model of the référentiel: the certification, its blocs and
// their compétences and critères, the métiers they lead to, the modalités
// d'évaluation, and the markdown pages.
//
// Load reports every problem at once, as a diag.List of file:line:col
// messages: TOML syntax and type errors, unknown keys (typos), unknown or
// duplicate ids, missing references, slugs that collide or are too long to
// be file names. The model it returns is never written afterwards: the
// generator makes its own view of it for display, so several goroutines
// (and, in the dev server, several builds) may read one model at once.
//
// The package also owns the site paths derived from the model (paths.go):
// every URL comes from an id or an explicit slug, never from prose that may
// be reworded, and the one mapping between site paths and published files
// lives here. It knows nothing of HTML.
package content
