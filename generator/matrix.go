package generator

import (
	"strconv"

	"cursus/generator/content"
	"cursus/generator/render"
)

// matrixGroup is how many blocs one correspondence page covers. A matrix of
// every métier against every bloc grows with the square of the référentiel;
// cut into groups of blocs, each page holds only the métiers and compétences
// of its blocs, so the whole stays linear. The bundled référentiel (8 blocs)
// fits on one page.
const matrixGroup = 12

// Matrix is the data of one correspondence page: métiers × blocs and
// compétences × métiers, restricted to a group of blocs.
type Matrix struct {
	Blocs       []*Bloc
	Metiers     []*Metier
	MetierRows  []MatrixRow // one per métier, a cell per bloc
	CompRows    []MatrixRow // one per compétence, a cell per métier
	Group       int         // 1-based
	Groups      []Crumb     // every group page, for the pager; nil when there is one
	FirstNumber int         // number of the first and last bloc of the group
	LastNumber  int
}

// MatrixRow is one row of a correspondence table.
type MatrixRow struct {
	Metier     *Metier
	Competence *Competence
	Cells      []bool
}

// matrices splits the blocs into groups and computes each group's tables.
// url gives a site path its URL, for the links between group pages, w
// their titles.
func matrices(blocs []*Bloc, prefix string, url func(path string) string, w *render.Words) []*Matrix {
	var out []*Matrix
	for start := 0; start < len(blocs); start += matrixGroup {
		end := min(start+matrixGroup, len(blocs))
		out = append(out, matrix(blocs[start:end], len(out)+1))
	}
	if len(out) > 1 {
		var pages []Crumb
		for _, m := range out {
			path := matrixPath(prefix, m.Group)
			pages = append(pages, Crumb{Title: w.T("matrice_group", "first", m.FirstNumber, "last", m.LastNumber), Path: path, URL: url(path)})
		}
		for _, m := range out {
			m.Groups = pages
		}
	}
	return out
}

func matrix(blocs []*Bloc, group int) *Matrix {
	m := &Matrix{Blocs: blocs, Group: group, FirstNumber: blocs[0].Number, LastNumber: blocs[len(blocs)-1].Number}
	col := map[*Bloc]int{}
	for i, b := range blocs {
		col[b] = i
	}
	seen := map[*Metier]int{}
	for _, b := range blocs {
		for _, mt := range b.Metiers {
			if _, ok := seen[mt]; ok {
				continue
			}
			seen[mt] = len(m.Metiers)
			m.Metiers = append(m.Metiers, mt)
			row := MatrixRow{Metier: mt, Cells: make([]bool, len(blocs))}
			for _, mb := range mt.Blocs {
				if i, ok := col[mb]; ok {
					row.Cells[i] = true
				}
			}
			m.MetierRows = append(m.MetierRows, row)
		}
	}
	for _, b := range blocs {
		for _, c := range b.Competences {
			row := MatrixRow{Competence: c, Cells: make([]bool, len(m.Metiers))}
			for _, mt := range c.Metiers {
				if i, ok := seen[mt]; ok {
					row.Cells[i] = true
				}
			}
			m.CompRows = append(m.CompRows, row)
		}
	}
	return m
}

// matrixPath is the site path of a group's page; prefix is the
// certification's.
func matrixPath(prefix string, group int) string {
	if group == 1 {
		return prefix + content.PathMatrix
	}
	return prefix + content.PathMatrix + strconv.Itoa(group) + "/"
}
