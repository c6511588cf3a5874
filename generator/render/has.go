package render

// Has reports whether the theme has a layout of that name: pages a theme
// may leave out (the open data page) are made only when it has one.
func (t *Theme) Has(layout string) bool {
	_, ok := t.layouts[layout]
	return ok
}
