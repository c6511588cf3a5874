package opendata

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"time"

	"cursus/generator/content"
)

// CASE 1.1 (1EdTech Competencies and Academic Standards Exchange): a
// CFPackage holds the CFDocument (the certification), its CFItems (blocs,
// compétences, critères, each typed) and the CFAssociations isChildOf that
// make the tree. Identifiers are UUIDs v5 of the entities' ids, so the
// same référentiel keeps the same identifiers from build to build.

// Package is a CFPackage.
type Package struct {
	CFDocument     Document      `json:"CFDocument"`
	CFItems        []Item        `json:"CFItems"`
	CFAssociations []Association `json:"CFAssociations"`
	CFDefinitions  Definitions   `json:"CFDefinitions"`
}

// Document is the CFDocument.
type Document struct {
	Identifier         string   `json:"identifier"`
	URI                string   `json:"uri"`
	CFPackageURI       *LinkURI `json:"CFPackageURI"`
	Creator            string   `json:"creator"`
	Title              string   `json:"title"`
	LastChangeDateTime string   `json:"lastChangeDateTime"`
	OfficialSourceURL  string   `json:"officialSourceURL,omitempty"`
	Publisher          string   `json:"publisher,omitempty"`
	Description        string   `json:"description,omitempty"`
	Language           string   `json:"language"`
	AdoptionStatus     string   `json:"adoptionStatus,omitempty"`
	StatusStartDate    string   `json:"statusStartDate,omitempty"`
	StatusEndDate      string   `json:"statusEndDate,omitempty"`
	CaseVersion        string   `json:"caseVersion"`
}

// LinkURI points at another CASE object.
type LinkURI struct {
	Title      string `json:"title"`
	Identifier string `json:"identifier"`
	URI        string `json:"uri"`
}

// Item is a CFItem.
type Item struct {
	Identifier         string   `json:"identifier"`
	URI                string   `json:"uri"`
	FullStatement      string   `json:"fullStatement"`
	AbbreviatedStmt    string   `json:"abbreviatedStatement,omitempty"`
	HumanCodingScheme  string   `json:"humanCodingScheme,omitempty"`
	ListEnumeration    string   `json:"listEnumeration,omitempty"`
	CFItemType         string   `json:"CFItemType"`
	CFItemTypeURI      *LinkURI `json:"CFItemTypeURI"`
	Language           string   `json:"language"`
	CFDocumentURI      *LinkURI `json:"CFDocumentURI"`
	LastChangeDateTime string   `json:"lastChangeDateTime"`
}

// Association is a CFAssociation.
type Association struct {
	Identifier         string   `json:"identifier"`
	AssociationType    string   `json:"associationType"`
	SequenceNumber     int      `json:"sequenceNumber,omitempty"`
	URI                string   `json:"uri"`
	OriginNodeURI      *LinkURI `json:"originNodeURI"`
	DestinationNodeURI *LinkURI `json:"destinationNodeURI"`
	CFDocumentURI      *LinkURI `json:"CFDocumentURI"`
	LastChangeDateTime string   `json:"lastChangeDateTime"`
}

// Definitions holds the item types.
type Definitions struct {
	CFItemTypes []ItemType `json:"CFItemTypes"`
}

// ItemType is a CFItemType.
type ItemType struct {
	Identifier         string `json:"identifier"`
	URI                string `json:"uri"`
	Title              string `json:"title"`
	Description        string `json:"description"`
	HierarchyCode      string `json:"hierarchyCode"`
	LastChangeDateTime string `json:"lastChangeDateTime"`
}

// caseNamespace is the UUID namespace of every identifier cursus writes in
// CASE packages: never change it, or every identifier changes.
var caseNamespace = [16]byte{0x6b, 0x1d, 0x3c, 0x52, 0x8f, 0x0e, 0x4a, 0x77, 0x9c, 0x21, 0x5e, 0x84, 0x3d, 0x0b, 0xa6, 0x19}

// uuid5 is the UUID version 5 (RFC 9562) of name in caseNamespace.
func uuid5(name string) string { return uuidV5(caseNamespace, name) }

// uuidV5 is the UUID version 5 of name in namespace ns.
func uuidV5(ns [16]byte, name string) string {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC variant
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// The item types of a référentiel, by level.
var caseTypes = []struct{ name, description string }{
	{"Bloc de compétences", "Bloc de compétences d'une certification professionnelle"},
	{"Compétence", "Compétence d'un bloc"},
	{"Critère d'évaluation", "Critère d'évaluation d'une compétence"},
}

// CASE makes the CFPackage of a certification.
func CASE(c *content.Certification, opts Options) ([]byte, error) {
	when := date(c, opts).UTC().Format("2006-01-02T15:04:05+00:00")
	key := "cursus:" + frameworkID(c) + ":"
	pkgURL := opts.Abs(c.Prefix() + Dir + "case.json")
	docID := uuid5(key + "document")
	doc := &LinkURI{Title: c.Title, Identifier: docID, URI: pkgURL + "#" + docID}
	creator := "cursus"
	if len(c.Certificateurs) > 0 {
		creator = c.Certificateurs[0].Nom
	}
	p := Package{CFDocument: Document{Identifier: docID, URI: doc.URI, Creator: creator, Title: c.Title,
		CFPackageURI:       &LinkURI{Title: c.Title, Identifier: docID, URI: pkgURL},
		LastChangeDateTime: when, OfficialSourceURL: c.FicheURL, Description: c.Summary, Language: "fr",
		CaseVersion: "1.1"}}
	if !c.DateEffet.IsZero() {
		p.CFDocument.StatusStartDate = c.DateEffet.Format(time.DateOnly)
	}
	if !c.DateFin.IsZero() {
		p.CFDocument.StatusEndDate = c.DateFin.Format(time.DateOnly)
	}
	if c.Actif != nil && *c.Actif {
		p.CFDocument.AdoptionStatus = "Adopted"
	}
	types := make([]*LinkURI, len(caseTypes))
	for i, t := range caseTypes {
		id := uuid5("cursus:item-type:" + strconv.Itoa(i))
		uri := pkgURL + "#" + id
		types[i] = &LinkURI{Title: t.name, Identifier: id, URI: uri}
		p.CFDefinitions.CFItemTypes = append(p.CFDefinitions.CFItemTypes, ItemType{Identifier: id, URI: uri, Title: t.name,
			Description: t.description, HierarchyCode: strconv.Itoa(i + 1), LastChangeDateTime: when})
	}
	item := func(name, statement, abbr, code string, seq, level int) *LinkURI {
		id := uuid5(key + name)
		l := &LinkURI{Title: abbr, Identifier: id, URI: pkgURL + "#" + id}
		if l.Title == "" {
			l.Title = statement
		}
		p.CFItems = append(p.CFItems, Item{Identifier: id, URI: l.URI, FullStatement: statement, AbbreviatedStmt: abbr,
			HumanCodingScheme: code, ListEnumeration: strconv.Itoa(seq), CFItemType: types[level].Title, CFItemTypeURI: types[level],
			Language: "fr", CFDocumentURI: doc, LastChangeDateTime: when})
		return l
	}
	child := func(origin, destination *LinkURI, seq int) {
		id := uuid5(key + "isChildOf:" + origin.Identifier + ":" + destination.Identifier)
		p.CFAssociations = append(p.CFAssociations, Association{Identifier: id, AssociationType: "isChildOf", SequenceNumber: seq,
			URI: pkgURL + "#" + id, OriginNodeURI: origin, DestinationNodeURI: destination, CFDocumentURI: doc, LastChangeDateTime: when})
	}
	for i, b := range c.Blocs {
		code := b.Code
		if code == "" {
			code = b.ID
		}
		bl := item("bloc:"+b.ID, b.Title, b.Label, code, i+1, 0)
		child(bl, doc, i+1)
		for j, co := range b.Competences {
			code := co.Number
			if code == "" {
				code = co.ID
			}
			cl := item("competence:"+co.ID, co.Text, co.Label, code, j+1, 1)
			child(cl, bl, j+1)
			for k, cr := range co.Criteria {
				n := strconv.Itoa(k + 1)
				rl := item("critere:"+co.ID+":"+n, cr.Text, "", code+"."+n, k+1, 2)
				child(rl, cl, k+1)
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // compact: indenting costs half the time of a package
	err := enc.Encode(p)
	return buf.Bytes(), err
}
