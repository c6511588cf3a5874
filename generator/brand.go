package generator

import (
	"fmt"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"

	"cursus"
	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/generator/msg"
)

// themeColours are the backgrounds a theme declares in its theme.toml, on
// which the site's colours must read.
type themeColours struct {
	Light []string `toml:"light"`
	Dark  []string `toml:"dark"`
}

// minContrast is WCAG AA for text of normal size.
const minContrast = 4.5

// loadThemeColours reads theme.toml of the theme, or of the default theme
// when the theme has none.
func loadThemeColours(root fs.FS, dir string) (themeColours, error) {
	var c themeColours
	file := dir + "/theme.toml"
	src, err := fs.ReadFile(root, file)
	if err != nil {
		file = "themes/default/theme.toml"
		if src, err = fs.ReadFile(cursus.DefaultTheme(), "theme.toml"); err != nil {
			return c, err
		}
	}
	_, err = content.DecodeTOML(msg.FR, file, src, &c) // the theme's, for its author
	return c, err
}

// brandCSS checks the colours of [brand] against the theme's backgrounds
// and returns the stylesheet that applies them: the accents, the blocs'
// colours config.toml gives, and a colour for each bloc beyond the
// theme's eight, so that a référentiel of any number of blocs gives each
// its own.
func brandCSS(in *loaded, bg themeColours, blocs int) ([]byte, diag.List) {
	b := in.cfg.Brand
	var errs diag.List
	lang := msg.Of(in.cfg.LanguageCode)
	check := func(key, colour string, on []string, scheme msg.Key) bool {
		rgb, ok := parseHex(colour)
		if !ok {
			errs.Add(in.cfg.Pos(key), "%s", lang.F(msg.BrandColour, path.Base(strings.ReplaceAll(key, ".", "/")), colour))
			return false
		}
		for _, h := range on {
			bgc, _ := parseHex(h)
			if r := contrast(rgb, bgc); r < minContrast {
				errs.Add(in.cfg.Pos(key), "%s", lang.F(scheme, path.Base(strings.ReplaceAll(key, ".", "/")), colour, r, h))
				return false
			}
		}
		return true
	}
	var light, dark strings.Builder
	if b.Accent != "" && check("brand.accent", b.Accent, bg.Light, msg.BrandContrastLight) {
		fmt.Fprintf(&light, "--brand:%s;--link:%s;", b.Accent, b.Accent)
	}
	if b.AccentDark != "" && check("brand.accentDark", b.AccentDark, bg.Dark, msg.BrandContrastDark) {
		fmt.Fprintf(&dark, "--brand:%s;--link:%s;", b.AccentDark, b.AccentDark)
	}
	for n := 1; n <= max(blocs, len(b.Blocs), len(b.BlocsDark)); n++ {
		l, d := "", ""
		if n <= len(b.Blocs) {
			if key := "brand.blocs[" + strconv.Itoa(n-1) + "]"; check(key, b.Blocs[n-1], bg.Light, msg.BrandContrastLight) {
				l = b.Blocs[n-1]
			}
		} else if n > 8 {
			l = generated(n, bg.Light, false)
		}
		if n <= len(b.BlocsDark) {
			if key := "brand.blocsDark[" + strconv.Itoa(n-1) + "]"; check(key, b.BlocsDark[n-1], bg.Dark, msg.BrandContrastDark) {
				d = b.BlocsDark[n-1]
			}
		} else if n > 8 {
			d = generated(n, bg.Dark, true)
		}
		if l != "" {
			fmt.Fprintf(&light, "--b%d:%s;", n, l)
		}
		if d != "" {
			fmt.Fprintf(&dark, "--b%d:%s;", n, d)
		}
	}
	var css strings.Builder
	if light.Len() > 0 {
		fmt.Fprintf(&css, ":root{%s}\n", light.String())
	}
	if dark.Len() > 0 {
		fmt.Fprintf(&css, "@media (prefers-color-scheme: dark){:root{%s}}\n", dark.String())
	}
	for n := 9; n <= blocs; n++ {
		fmt.Fprintf(&css, ".bloc-%d{--accent:var(--b%d)}\n", n, n)
	}
	return []byte(css.String()), errs
}

// generated is a colour for bloc n beyond the theme's palette: hues a
// golden angle apart, darkened (or lightened on a dark scheme) until it
// reads on every background.
func generated(n int, on []string, dark bool) string {
	hue := math.Mod(float64(n)*137.508, 360)
	for l := 0.40; l >= 0.05 && l <= 0.95; {
		rgb := hsl(hue, 0.65, l)
		ok := true
		for _, h := range on {
			bgc, _ := parseHex(h)
			ok = ok && contrast(rgb, bgc) >= minContrast
		}
		if ok {
			return fmt.Sprintf("#%02x%02x%02x", rgb[0], rgb[1], rgb[2])
		}
		if dark {
			l += 0.03
		} else {
			l -= 0.03
		}
	}
	if dark {
		return "#ffffff"
	}
	return "#000000"
}

func parseHex(s string) ([3]uint8, bool) {
	var c [3]uint8
	if len(s) != 7 || s[0] != '#' {
		return c, false
	}
	for i := range 3 {
		v, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return c, false
		}
		c[i] = uint8(v)
	}
	return c, true
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b [3]uint8) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c [3]uint8) float64 {
	var l [3]float64
	for i, v := range c {
		x := float64(v) / 255
		if x <= 0.04045 {
			l[i] = x / 12.92
		} else {
			l[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

func hsl(h, s, l float64) [3]uint8 {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g, b = c, x, 0
	case h < 120:
		r, g, b = x, c, 0
	case h < 180:
		r, g, b = 0, c, x
	case h < 240:
		r, g, b = 0, x, c
	case h < 300:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	return [3]uint8{uint8(math.Round((r + m) * 255)), uint8(math.Round((g + m) * 255)), uint8(math.Round((b + m) * 255))}
}
