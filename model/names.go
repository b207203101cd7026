package model

// MERGE NOTE: this file is a verbatim copy of invisible and CleanName from
// the storage-split branch (issue 13, model/limits.go), which also makes
// every record's validation use them. When both branches are in main,
// delete this file: the build says "CleanName redeclared" until then.

import "strings"

// invisible reports whether r is a zero-width or bidi control character:
// it changes how a name looks (or nothing at all) without being seen, so
// "ACME Ltd" and "ACME Ltd" + U+200B would pass for two names.
func invisible(r rune) bool {
	switch {
	case r == 0x200b || r == 0x200c || r == 0x200d: // zero-width space, non-joiner, joiner
	case r >= 0x2060 && r <= 0x2064: // word joiner, invisible operators
	case r == 0xfeff: // zero-width no-break space (BOM)
	case r == 0x00ad || r == 0x034f || r == 0x180e: // soft hyphen, grapheme joiner, Mongolian vowel separator
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
	case r == 0x200e || r == 0x200f || r == 0x061c: // bidi marks
	default:
		return false
	}
	return true
}

// CleanName is a name as salesplan keeps it: zero-width and bidi control
// characters removed, spaces trimmed at both ends. Nothing else changes: the
// name stays as typed.
func CleanName(s string) string {
	if strings.ContainsFunc(s, invisible) {
		s = strings.Map(func(r rune) rune {
			if invisible(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}
