package generator

import (
	"bytes"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"

	"cursus/generator/render"
)

// minifier is the build's one registry of minifiers, keyed by media type.
type minifier struct{ m *minify.M }

func newMinifier() *minifier {
	m := minify.New()
	// Document and end tags are kept: validators and assistive technology
	// read them more reliably, and they cost little once compressed.
	page := html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true}
	m.Add("text/html", &page)
	tmpl := page
	tmpl.TemplateDelims = html.GoTemplateDelims
	m.Add(render.TemplateType, &tmpl)
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/xml", xml.Minify)
	return &minifier{m: m}
}

// bytes minifies data of a media type; types without a minifier pass through.
func (mn *minifier) bytes(mediatype string, data []byte) ([]byte, error) {
	switch mediatype {
	case "text/html", render.TemplateType, "text/css", "application/javascript", "application/json", "image/svg+xml", "text/xml":
	default:
		return data, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	if err := mn.m.Minify(mediatype, &buf, bytes.NewReader(data)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
