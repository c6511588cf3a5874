// Package media is the one table of media types in cursus: what the
// minifiers are keyed by when the build publishes a file, and what the
// preview server sends as Content-Type. It imports nothing of cursus, so
// that render, serve and the generator share it without a cycle.
package media

import (
	"mime"
	"path"
	"strings"
)

// The media types the build hands to a minifier by name.
const (
	HTML = "text/html"
	CSS  = "text/css"
	JS   = "application/javascript"
	JSON = "application/json"
	SVG  = "image/svg+xml"
	XML  = "application/xml"
)

// types maps an extension to its media type and says whether the file is
// text, which cursus always writes as UTF-8. The table is fixed here rather
// than read from the system's mime.types, which differs from one machine to
// the next and lacks some types on minimal systems.
var types = map[string]struct {
	typ  string
	text bool
}{
	".html":        {HTML, true},
	".css":         {CSS, true},
	".js":          {JS, true},
	".mjs":         {JS, true},
	".json":        {JSON, false}, // UTF-8 by definition: charset means nothing here
	".xml":         {XML, true},
	".txt":         {"text/plain", true},
	".svg":         {SVG, false},
	".png":         {"image/png", false},
	".jpg":         {"image/jpeg", false},
	".jpeg":        {"image/jpeg", false},
	".gif":         {"image/gif", false},
	".webp":        {"image/webp", false},
	".avif":        {"image/avif", false},
	".ico":         {"image/x-icon", false},
	".woff":        {"font/woff", false},
	".woff2":       {"font/woff2", false},
	".pdf":         {"application/pdf", false},
	".webmanifest": {"application/manifest+json", false},
}

// Type returns the media type of a file by its extension, without
// parameters, or "" for an extension the table does not know.
func Type(name string) string {
	return types[strings.ToLower(path.Ext(name))].typ
}

// ContentType returns the Content-Type to serve a file with: its media
// type, with charset=utf-8 for text. An extension the table does not know
// gets what the system's table says, else application/octet-stream.
func ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		if t.text {
			return t.typ + "; charset=utf-8"
		}
		return t.typ
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
