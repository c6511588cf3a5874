// Package quality holds the quality gates of the published site. It has no
// code of its own: its tests build the bundled site exactly as `cursus
// build` publishes it (minified) and check that
//
//   - every page and stylesheet passes the Nu HTML Checker (vnu) with no error;
//   - axe-core finds no WCAG 2.x A/AA violation on any kind of page, at 1280
//     and 390 px wide, in light and dark colour schemes;
//   - the keyboard reaches the skip link first, then every control, each with
//     a visible focus indicator;
//   - every internal link and #anchor resolves;
//   - no page references or requests a host other than the site's own;
//   - the home page stays under 50 KB gzip-compressed (every kind of page's
//     weight is logged);
//   - served by nginx under a sub-path with docs/nginx.conf, every link
//     and asset answers 200, an unknown URL the theme's 404 page with
//     status 404, assets are cached for ever, pages revalidated, all gzipped;
//   - every page carries the RGAA conformity mention linking to the
//     déclaration d'accessibilité, and the déclaration says what it must.
//
// The checker and axe-core are npm packages pinned in tools/package.json.
// Run everything, installing what is missing, with:
//
//	bash .ci/run
//
// or, once Chromium, Java and `npm ci --prefix tools` are installed, with
// `go test -v ./internal/quality/`. Without those tools the tests that need
// them skip with a message, except under CI=true, where they fail.
package quality
