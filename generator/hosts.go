package generator

import (
	"slices"
	"strings"
)

// Some static hosts read files of the published site: caching headers,
// the 404 page under a sub-path. Those that depend on the site (its base
// path) are written by cursus for the hosts named in [publish] hosts;
// docs/publier.md shows them and what each host needs besides.

// hostFile is a file written for a host.
type hostFile struct {
	name string
	data []byte
}

// Cache-Control values: fingerprinted assets never change under their
// name; a page is checked again at every visit, so a publication shows at
// once.
const (
	cacheAssets = "public, max-age=31536000, immutable"
	cachePages  = "no-cache"
)

// hostFiles returns the files the hosts of the site read, for a site whose
// base path is base.
func hostFiles(hosts []string, base string) []hostFile {
	var out []hostFile
	has := func(h string) bool { return slices.Contains(hosts, h) }
	if has("netlify") || has("cloudflare") {
		out = append(out, hostFile{"_headers", []byte(headersFile(base))})
	}
	if has("netlify") && base != "/" {
		// Netlify shows /404.html of the deploy for unknown URLs; the
		// site's own is under its sub-path.
		out = append(out, hostFile{"_redirects", []byte(base + "*  " + base + "404.html  404\n")})
	}
	if has("apache") {
		out = append(out, hostFile{".htaccess", []byte(htaccessFile(base))})
	}
	if has("github") {
		// Without it, GitHub Pages publishing a branch runs Jekyll, which
		// skips files starting with _ and takes longer.
		out = append(out, hostFile{".nojekyll", nil})
	}
	return out
}

// headersFile is the _headers file of Netlify and Cloudflare Pages. Both
// already send HTML with a short cache; a second rule for pages would be
// merged with this one, not replace it.
func headersFile(base string) string {
	return "# Écrit par cursus ([publish] hosts) : chaque publication le réécrit.\n" +
		base + "assets/*\n  Cache-Control: " + cacheAssets + "\n"
}

// htaccessFile is the .htaccess of Apache httpd: the 404 page at the base
// path, caching (mod_headers) and compression (mod_deflate) when loaded.
func htaccessFile(base string) string {
	var b strings.Builder
	b.WriteString("# Écrit par cursus ([publish] hosts) : chaque publication le réécrit.\n")
	b.WriteString("ErrorDocument 404 " + base + "404.html\n")
	b.WriteString("AddDefaultCharset utf-8\n")
	b.WriteString("<IfModule mod_headers.c>\n")
	b.WriteString("  Header set Cache-Control \"" + cachePages + "\"\n")
	// Fingerprinted names: name.<8 hex digits>.ext (render.Fingerprint).
	b.WriteString("  <FilesMatch \"\\.[0-9a-f]{8}\\.[a-z0-9]+$\">\n")
	b.WriteString("    Header set Cache-Control \"" + cacheAssets + "\"\n")
	b.WriteString("  </FilesMatch>\n")
	b.WriteString("</IfModule>\n")
	b.WriteString("<IfModule mod_deflate.c>\n")
	b.WriteString("  AddOutputFilterByType DEFLATE text/html text/css text/javascript application/javascript application/json image/svg+xml application/xml text/plain\n")
	b.WriteString("</IfModule>\n")
	return b.String()
}
