package generator

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"
)

// ogImagePath is the default theme's image for link previews (og:image).
const ogImagePath = "../themes/default/static/og.png"

// ogImage draws the default theme's og:image, 1200×630 as the Open Graph
// size: the brand colour with a band of the eight bloc hues. It is drawn
// here rather than with an editor so that anyone can make it again, byte
// for byte.
func ogImage() []byte {
	const w, h = 1200, 630
	img := image.NewPaletted(image.Rect(0, 0, w, h), nil)
	hues := []color.RGBA{
		{0x23, 0x47, 0xb5, 0xff}, {0x1b, 0x7f, 0x79, 0xff}, {0xb5, 0x4a, 0x23, 0xff}, {0x7a, 0x3d, 0xb8, 0xff},
		{0x2f, 0x7d, 0x32, 0xff}, {0xa8, 0x32, 0x6a, 0xff}, {0x8a, 0x6d, 0x00, 0xff}, {0x3b, 0x5b, 0x7a, 0xff},
	}
	img.Palette = color.Palette{color.RGBA{0x23, 0x47, 0xb5, 0xff}, color.RGBA{0xff, 0xff, 0xff, 0xff}}
	for _, c := range hues[1:] {
		img.Palette = append(img.Palette, c)
	}
	for y := range h {
		for x := range w {
			var i uint8 // brand
			switch {
			case y >= 470 && y < 500: // the band of bloc hues
				if k := x * len(hues) / w; k > 0 {
					i = uint8(k) + 1 // palette: brand, white, then hues 1…7
				}
			case x >= 80 && x < 1120 && y >= 120 && y < 400 && (y-120)%70 < 36 && x < 1120-((y-120)/70)*180:
				i = 1 // white bars: lines of a référentiel
			}
			img.SetColorIndex(x, y, i)
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// TestOGImage checks that the theme's og:image is the one ogImage draws
// (go test -run TestOGImage -update writes it) and has the size previews
// expect.
func TestOGImage(t *testing.T) {
	want := ogImage()
	if *update {
		if err := os.WriteFile(ogImagePath, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(ogImagePath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not what ogImage draws: go test ./generator -run TestOGImage -update", ogImagePath)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(got))
	if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
		t.Errorf("%s: %dx%d (%v), want 1200x630", ogImagePath, cfg.Width, cfg.Height, err)
	}
}
