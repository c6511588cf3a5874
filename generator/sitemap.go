package generator

import (
	"bytes"
	"encoding/xml"
	"time"

	"cursus/generator/media"
)

// sitemap lists the absolute URL of every page but the 404, with the date
// of its content: the date_effet of the certification it belongs to, else
// [opendata] date; none when neither is set. Never the clock: two builds
// write the same file.
func sitemap(in *loaded, pages []*page) []byte {
	dates := map[*Certification]time.Time{}
	if len(pages) > 0 {
		for i, c := range pages[0].data.Site.Content.Certifications {
			dates[c] = in.model.Certifications[i].DateEffet
		}
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		if p.data.Kind == "404" {
			continue
		}
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(in.urls.abs(p.data.Path)))
		buf.WriteString("</loc>")
		d := dates[p.data.Certification]
		if d.IsZero() {
			d = in.cfg.OpenData.Date
		}
		if !d.IsZero() {
			buf.WriteString("<lastmod>" + d.Format(time.DateOnly) + "</lastmod>")
		}
		buf.WriteString("</url>\n")
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
