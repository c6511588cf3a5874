package generator

import (
	"bytes"
	"encoding/xml"

	"cursus/generator/media"
)

// sitemap lists the absolute URL of every page but the 404.
func sitemap(in *loaded, pages []*page) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		if p.data.Kind == "404" {
			continue
		}
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(in.urls.abs(p.data.Path)))
		buf.WriteString("</loc></url>\n")
	}
	buf.WriteString("</urlset>\n")
	out := buf.Bytes()
	if in.min != nil {
		if m, err := in.min.bytes(media.XML, out); err == nil {
			out = m
		}
	}
	return out
}
