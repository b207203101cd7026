package model

import (
	"strings"
	"unicode/utf8"
)

// Inert returns s made safe to print on a terminal or into a text output
// (DESIGN.md §6, "Known traps"): the result is valid UTF-8 (invalid bytes
// become U+FFFD); escape sequences are removed whole — CSI, OSC (OSC 8 links
// too), DCS, SOS, PM, APC and the other ESC sequences, in their 7-bit and
// 8-bit (C1) forms; C0 controls other than \n and \t are removed, so \r,
// backspace and BEL cannot rewrite or hide text; C1 controls, DEL and the
// bidi controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) are removed.
// Everything else, Chinese and emoji included, is kept as typed.
//
// The parser follows a terminal's: a control string (OSC, DCS, SOS, PM, APC)
// runs to ST (ESC \ or U+009C), BEL, CAN or SUB, or to the end of s when it
// is never terminated — exactly the text a terminal would have swallowed.
// A CSI runs to its final byte (0x40–0x7E). Inert never emits ESC or a C1
// control, so Inert(Inert(s)) == Inert(s).
func Inert(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	st := stText
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		// An invalid byte decodes as RuneError with size 1; in text it is
		// shown as U+FFFD, inside a sequence it is part of what is dropped.
		switch st {
		case stText:
			switch {
			case r == 0x1b:
				st = stEsc
			case r == 0x9b: // 8-bit CSI
				st = stCSI
			case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // OSC, DCS, SOS, PM, APC
				st = stString
			case dropped(r):
			default:
				b.WriteRune(r) // RuneError is written as U+FFFD
			}
		case stEsc:
			switch {
			case r == '[':
				st = stCSI
			case r == ']' || r == 'P' || r == 'X' || r == '^' || r == '_':
				st = stString
			case r == 0x1b:
				// ESC ESC: the first one is dropped, the second starts anew.
			case r >= 0x20 && r <= 0x2f: // intermediate bytes, e.g. ESC ( B
				st = stEscInter
			case r >= 0x30 && r <= 0x7e: // a two-byte sequence such as ESC 7 or ESC c
				st = stText
			default:
				// ESC before anything else (a control, non-ASCII, the end): drop
				// the ESC only and treat r as ordinary input.
				st = stText
				i -= size
			}
		case stEscInter:
			switch {
			case r >= 0x20 && r <= 0x2f:
			case r >= 0x30 && r <= 0x7e:
				st = stText
			case r == 0x1b:
				st = stEsc
			default:
				st = stText
				i -= size
			}
		case stCSI:
			switch {
			case r >= 0x40 && r <= 0x7e: // final byte
				st = stText
			case r >= 0x20 && r <= 0x3f: // parameter and intermediate bytes
			case r == 0x1b:
				st = stEsc
			case r == 0x18 || r == 0x1a: // CAN, SUB abort a sequence
				st = stText
			case r < 0x20:
				// Terminals execute C0 controls inside a CSI; they are removed here.
			default:
				// Not part of a CSI: the sequence is malformed, abandon it and
				// read r as text.
				st = stText
				i -= size
			}
		case stString:
			switch r {
			case 0x07, 0x9c, 0x18, 0x1a: // BEL, ST, CAN, SUB end the string
				st = stText
			case 0x1b:
				st = stStringEsc
			}
		case stStringEsc:
			switch r {
			case '\\':
				st = stText
			case 0x1b:
				// Still looking for the backslash of ST.
			default:
				// ESC ends the string and starts a new sequence (as a terminal
				// does); r is read as that sequence's first byte.
				st = stEsc
				i -= size
			}
		}
	}
	return b.String()
}

// InertLine is Inert for a one-line cell: newlines and tabs each become one
// space, so a table row never breaks or jumps to a tab stop.
func InertLine(s string) string {
	s = Inert(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// Parser states of Inert.
const (
	stText      = iota
	stEsc       // after ESC
	stEscInter  // after ESC and intermediate bytes
	stCSI       // inside a control sequence
	stString    // inside a control string (OSC, DCS, SOS, PM, APC)
	stStringEsc // ESC inside a control string: maybe ST
)

// dropped reports whether r is a control Inert removes when it stands alone.
func dropped(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f: // C0 and DEL
		return true
	case r >= 0x80 && r <= 0x9f: // C1
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x200e, r == 0x200f, r == 0x061c: // bidi controls
		return true
	}
	return false
}

// isPlain reports whether s is printable ASCII (plus \n and \t) or valid
// UTF-8 without anything Inert removes, so that the common case costs one
// scan and no allocation.
func isPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if dropped(r) {
			return false
		}
		i += size
	}
	return true
}
