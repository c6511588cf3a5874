package serve

import (
	"path"
	"strings"

	"cursus/generator/config"
	"cursus/generator/content"
)

// targets are what a site's build reads, as slash paths relative to the site
// root: the content directory, the active theme and the site's own
// layouts/, static/ and i18n/ that override it, watched with all their
// sub-directories, and config.toml. Everything else under the root (the
// output, .git, notes) is noise.
type targets struct {
	trees   []string // "content", "themes/default", "layouts", "static", "i18n"
	publish string   // the output directory, never watched even when nested in a tree
}

func targetsOf(cfg config.Config) targets {
	return targets{
		trees:   []string{clean(cfg.ContentDir), "themes/" + clean(cfg.Theme), "layouts", "static", "i18n"},
		publish: clean(cfg.PublishDir),
	}
}

func clean(p string) string {
	return strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(p, `\`, "/")), "/")
}

// relevant reports whether a change to rel (a slash path relative to the
// root) can change the site: config.toml, or a file in a tree that is not
// an editor's artefact (swap, backup, lock and probe files) nor hidden.
func (t targets) relevant(rel string) bool {
	if rel == config.File {
		return true
	}
	if t.inPublish(rel) {
		return false
	}
	tree := t.tree(rel)
	if tree == "" {
		return false
	}
	// Check each element below the tree: a hidden directory (.git, .idea)
	// hides everything in it.
	for _, el := range strings.Split(strings.TrimPrefix(rel[len(tree):], "/"), "/") {
		if el != "" && artefact(el) {
			return false
		}
	}
	return true
}

// tree returns the tree rel is in (or is), or "".
func (t targets) tree(rel string) string {
	for _, tr := range t.trees {
		if within(rel, tr) {
			return tr
		}
	}
	return ""
}

// onPath reports whether rel is a directory on the way from the root to a
// tree ("themes" for "themes/default"), which must be watched so that a tree
// created or recreated (git checkout, a new theme) is noticed.
func (t targets) onPath(rel string) bool {
	for _, tr := range t.trees {
		if rel == "." || within(tr, rel) && tr != rel {
			return true
		}
	}
	return false
}

func (t targets) inPublish(rel string) bool {
	return t.publish != "" && t.publish != "." && within(rel, t.publish)
}

// within reports whether rel is dir or inside it.
func within(rel, dir string) bool {
	return rel == dir || strings.HasPrefix(rel, dir+"/")
}

func (t targets) equal(u targets) bool {
	return strings.Join(t.trees, "\x00") == strings.Join(u.trees, "\x00") && t.publish == u.publish
}

// artefact reports whether a file name is an editor's leftover rather than
// content: what the loader ignores, plus JetBrains' safe-write files.
func artefact(name string) bool {
	return content.Ignored(name) || strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___")
}
