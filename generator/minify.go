package generator

import (
	"bytes"
	"errors"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"

	"cursus/generator/media"
	"cursus/generator/render"
)

// minifier is the build's one registry of minifiers, keyed by media type.
type minifier struct{ m *minify.M }

func newMinifier() *minifier {
	m := minify.New()
	// Document and end tags are kept: validators and assistive technology
	// read them more reliably, and they cost little once compressed.
	page := html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true}
	m.Add(media.HTML, &page)
	tmpl := page
	tmpl.TemplateDelims = html.GoTemplateDelims
	m.Add(render.TemplateType, &tmpl)
	m.AddFunc(media.CSS, css.Minify)
	m.AddFunc(media.JS, js.Minify)
	m.AddFunc(media.JSON, json.Minify)
	m.AddFunc(media.SVG, svg.Minify)
	m.AddFunc(media.XML, xml.Minify)
	return &minifier{m: m}
}

// bytes minifies data of a media type; types without a minifier pass through.
func (mn *minifier) bytes(mediatype string, data []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data))
	err := mn.m.Minify(mediatype, &buf, bytes.NewReader(data))
	if errors.Is(err, minify.ErrNotExist) {
		return data, nil
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
