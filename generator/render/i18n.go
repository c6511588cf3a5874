package render

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/generator/msg"
)

// Words are the words of a theme in the site's language: page titles,
// labels, descriptions. They come from i18n/<lang>.toml, a flat table of
// strings, of three layers in turn, each key of a later layer replacing
// the same key before it: cursus's default theme (Options.Defaults), the
// site's theme, and the site's own i18n/. A theme that translates nothing
// thus speaks as the default theme does, and a site renames one label by
// writing one line.
type Words struct {
	Lang  string // "fr", "en": the language part of languageCode
	words map[string]string
}

// Lang returns the language part of a language code: "fr" for "fr-FR".
func Lang(code string) string {
	code = strings.ToLower(code)
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	return code
}

// T returns the words of key, each {name} in them replaced by the value
// following name in args, printed as fmt.Sprint does:
// T("bloc_title", "number", 2, "title", "…"). A key no layer has comes
// back as itself, for a test to see.
func (w *Words) T(key string, args ...any) string {
	s, ok := w.words[key]
	if !ok {
		return key
	}
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+argText(args[i])+"}", argText(args[i+1]))
	}
	return s
}

// argText prints v as fmt.Sprint does, without its cost for a string: T runs
// in templates, tens of times a page.
func argText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

// N returns the words of key for a count n: those of key_one for one
// thing (and none, in French), of key_other otherwise, with {n} replaced
// by n and the other args as T does: N("competences", 3) gives
// "3 compétences" from competences_other = "{n} compétences".
func (w *Words) N(key string, n int, args ...any) string {
	form := "_other"
	if n == 1 || n == 0 && w.Lang == "fr" {
		form = "_one"
	}
	return w.T(key+form, append([]any{"n", n}, args...)...)
}

// Has reports whether key has words.
func (w *Words) Has(key string) bool {
	_, ok := w.words[key]
	return ok
}

type wordsLayer struct {
	fsys fs.FS
	dir  string
}

// loadWords reads i18n/<lang>.toml of each layer; a layer without one is
// skipped, and a language no layer has is an error.
func loadWords(layers []wordsLayer, lang string, at diag.Pos) (*Words, error) {
	w := &Words{Lang: lang, words: map[string]string{}}
	var errs diag.List
	found := false
	for _, l := range layers {
		if l.fsys == nil || l.dir == "" {
			continue
		}
		file := sub(l.dir, "i18n/"+lang+".toml")
		src, err := fs.ReadFile(l.fsys, file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs.Add(diag.Pos{File: file}, "%v", err)
			continue
		}
		found = true
		var words map[string]string
		if _, err := content.DecodeTOML(msg.Of(lang), file, src, &words); err != nil {
			errs.AddErr(diag.Pos{File: file}, err)
			continue
		}
		for k, v := range words {
			w.words[k] = v
		}
	}
	if !found && len(errs) == 0 {
		errs.Add(at, "%s", msg.Of(lang).F(msg.NoTranslation, lang, lang))
	}
	errs.Sort()
	return w, errs.Err()
}
