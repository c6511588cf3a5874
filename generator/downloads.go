package generator

import (
	"errors"
	"strconv"
	"strings"

	"cursus/generator/content"
	"cursus/generator/opendata"
	"cursus/generator/render"
	"cursus/internal/par"
)

// Download is a file of a certification's open data, as pages list it.
type Download struct {
	Format string // "JSON", "CSV", "CSV Moodle", "CASE 1.1 (JSON)"
	URL    string // under the base path
	Size   string // "12,4 Ko"
	Bytes  int
}

// download is a file to publish besides the pages.
type download struct {
	file string // slash path under the output root
	data []byte
}

// openDataFiles makes the open data files of every certification from the
// model: the plan does it on a core of its own while it makes the view.
func openDataFiles(in *loaded) ([][]opendata.File, error) {
	opts := opendata.Options{Abs: in.urls.abs, Date: in.cfg.OpenData.Date}
	certs := in.model.Certifications
	made := make([][]opendata.File, len(certs))
	errs := make([]error, len(certs))
	// The dev server's builds make again only the files of certifications
	// whose référentiel changed (opendata.Again).
	salt := in.urls.baseURL + "\x00" + opts.Date.String()
	last := in.keep.downloads(salt)
	par.ForEach(len(certs), func(i int) { made[i], errs[i] = opendata.Again(certs[i], opts, last[certs[i].Prefix()]) })
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	in.keep.keepDownloads(salt, certs, made)
	return made, nil
}

// listDownloads lists the open data files made of each certification in
// its view, before any page renders: pages show their sizes.
func listDownloads(in *loaded, v *View, made [][]opendata.File) []download {
	out := []download{{file: fileOf(opendata.SchemaPath), data: opendata.Schema(in.urls.abs(opendata.SchemaPath))}}
	for i, files := range made {
		vc := v.Certifications[i]
		vc.Downloads = nil
		for _, f := range files {
			vc.Downloads = append(vc.Downloads, Download{Format: f.Format, URL: in.urls.url(f.Path), Size: size(in.theme.Words, len(f.Data)), Bytes: len(f.Data)})
			out = append(out, download{file: fileOf(f.Path), data: f.Data})
		}
	}
	return out
}

// size writes a number of bytes in the words of the theme: "850 octets",
// "12,4 Ko" in French, "12.4 kB" in English.
func size(w *render.Words, n int) string {
	if n < 1000 {
		return w.T("size_bytes", "n", n)
	}
	unit, f := "size_kb", float64(n)/1000
	if f >= 1000 {
		unit, f = "size_mb", f/1000
	}
	return w.T(unit, "n", strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", w.T("decimal_separator"), 1))
}

// openDataPage is the page "Données ouvertes": every download, the schema
// and the licence. Nil when the theme has no layout for it.
func openDataPage(in *loaded, home Crumb) *page {
	if !in.theme.Has("donnees") {
		return nil
	}
	return &page{layout: "donnees", source: in.theme.Dir + "/layouts/donnees.html", sources: []string{in.cfg.ContentDir}, data: &Data{Kind: "donnees",
		Title:       in.theme.Words.T("opendata_title"),
		Description: in.theme.Words.T("opendata_description"),
		Path:        opendata.Dir, Crumbs: []Crumb{home}}}
}

// downloads returns the open data files the last build kept, by prefix of
// their certification, when it made them with the same options (salt).
func (k *kept) downloads(salt string) map[string][]opendata.File {
	if k == nil || k.salt != salt {
		return nil
	}
	return k.files
}

// keepDownloads keeps the open data files of this build for the next.
func (k *kept) keepDownloads(salt string, certs []*content.Certification, made [][]opendata.File) {
	if k == nil {
		return
	}
	k.salt, k.files = salt, make(map[string][]opendata.File, len(certs))
	for i, c := range certs {
		k.files[c.Prefix()] = made[i]
	}
}
