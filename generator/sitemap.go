package generator

import (
	"bytes"
	"encoding/xml"

	"cursus/generator/media"
)

// sitemap lists the absolute URL of every page but the 404.
func (b *builder) sitemap() []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, j := range b.jobs {
		if j.data.Kind == "404" {
			continue
		}
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(b.abs(j.data.Path)))
		buf.WriteString("</loc></url>\n")
	}
	buf.WriteString("</urlset>\n")
	out := buf.Bytes()
	if b.min != nil {
		if m, err := b.min.bytes(media.XML, out); err == nil {
			out = m
		}
	}
	return out
}
