package content

import (
	"strconv"
	"strings"
)

// keyIndex maps TOML key paths to the line and column where they are
// written. BurntSushi/toml keeps key positions private, so a light scan of
// the source finds them: enough for the documents cursus reads (tables,
// arrays of tables, keys, and arrays of strings one per line or inline).
//
// Paths are dotted with 0-based indexes for arrays of tables and array
// elements: "competences[2].criteria[0]". plain holds the same paths without
// indexes, each with every place it occurs, to report undecoded keys.
type keyIndex struct {
	at    map[string][2]int
	plain map[string][][2]int
}

func indexKeys(src string, firstLine int) *keyIndex {
	ki := &keyIndex{at: map[string][2]int{}, plain: map[string][][2]int{}}
	counts := map[string]int{}
	table, plainTable := "", ""
	arrayKey := "" // open multi-line array
	arrayLen := 0
	multi := "" // open multi-line string delimiter
	for i, line := range strings.Split(src, "\n") {
		ln := firstLine + i
		if multi != "" {
			if strings.Contains(line, multi) {
				multi = ""
			}
			continue
		}
		trimmed := strings.TrimSpace(line)
		col := len(line) - len(strings.TrimLeft(line, " \t")) + 1
		if arrayKey != "" {
			if strings.HasPrefix(trimmed, "]") {
				arrayKey = ""
				continue
			}
			if strings.HasPrefix(trimmed, `"`) || strings.HasPrefix(trimmed, "'") {
				ki.elem(arrayKey+"["+strconv.Itoa(arrayLen)+"]", ln, col)
				arrayLen++
			}
			if strings.HasSuffix(trimmed, "]") && !strings.HasSuffix(trimmed, `"]`) {
				arrayKey = ""
			}
			continue
		}
		switch {
		case trimmed == "" || trimmed[0] == '#':
		case strings.HasPrefix(trimmed, "[["):
			name := strings.TrimSpace(strings.Trim(trimmed, "[] \t"))
			// [[a.b]] nests under the current element of [[a]].
			parent := ""
			if j := strings.LastIndexByte(name, '.'); j >= 0 && plainTable != "" && name[:j] == plainTable {
				parent = table + "."
				name = name[j+1:]
			}
			n := counts[parent+name]
			counts[parent+name]++
			table = parent + name + "[" + strconv.Itoa(n) + "]"
			plainTable = stripIndexes(parent) + name
			ki.add(table, plainTable, ln, col)
		case trimmed[0] == '[':
			name := strings.TrimSpace(strings.Trim(trimmed, "[] \t"))
			table, plainTable = name, name
			ki.add(table, plainTable, ln, col)
		default:
			eq := strings.IndexByte(trimmed, '=')
			if eq <= 0 {
				continue
			}
			key := strings.Trim(strings.TrimSpace(trimmed[:eq]), `"'`)
			value := strings.TrimSpace(trimmed[eq+1:])
			path, plain := join(table, key), join(plainTable, key)
			ki.add(path, plain, ln, col)
			switch {
			case strings.HasPrefix(value, `"""`) || strings.HasPrefix(value, "'''"):
				delim := value[:3]
				if !strings.Contains(value[3:], delim) {
					multi = delim
				}
			case strings.HasPrefix(value, "["):
				valueCol := col + strings.Index(trimmed, value)
				arrayLen = ki.inline(path, value, ln, valueCol)
				if !closed(value) {
					arrayKey = path
				}
			}
		}
	}
	return ki
}

// inline records the string elements that start on the array's first line.
func (ki *keyIndex) inline(path, value string, line, col int) int {
	n := 0
	inString := false
	for i := 1; i < len(value); i++ {
		c := value[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			if !inString {
				ki.elem(path+"["+strconv.Itoa(n)+"]", line, col+i)
				n++
			}
			inString = !inString
		case !inString && c == '#':
			return n
		}
	}
	return n
}

func closed(value string) bool {
	if i := strings.LastIndex(value, "#"); i > strings.LastIndex(value, `"`) {
		value = strings.TrimSpace(value[:i])
	}
	return strings.HasSuffix(value, "]")
}

// add records a key or table header, by indexed and by plain path.
func (ki *keyIndex) add(path, plain string, line, col int) {
	ki.elem(path, line, col)
	ki.plain[plain] = append(ki.plain[plain], [2]int{line, col})
}

// elem records an array element, which has no plain path of its own.
func (ki *keyIndex) elem(path string, line, col int) {
	if _, dup := ki.at[path]; !dup {
		ki.at[path] = [2]int{line, col}
	}
}

// lookup returns the position of path, falling back to its closest ancestor
// written in the file.
func (ki *keyIndex) lookup(path string) (line, col int) {
	for path != "" {
		if p, ok := ki.at[path]; ok {
			return p[0], p[1]
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0, 0
}

func join(table, key string) string {
	if table == "" {
		return key
	}
	return table + "." + key
}

func stripIndexes(p string) string {
	var b strings.Builder
	depth := 0
	for _, r := range p {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
