package search

import (
	"bytes"
	"encoding/json"
)

// JSON encodes the index compactly with encoding/json, leaving < > & as
// they are: the file is fetched, never inlined in HTML, and every byte is
// downloaded on a phone.
func (ix *Index) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ix); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
