package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestInert(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ascii unchanged", "call ACME about the quote", "call ACME about the quote"},
		{"chinese and emoji kept", "王总 周一 拜访 👍🏽 ok", "王总 周一 拜访 👍🏽 ok"},
		{"newline and tab kept", "line one\n\tline two", "line one\n\tline two"},
		{"carriage return removed", "transfer $10\rtransfer $99", "transfer $10transfer $99"},
		{"crlf becomes lf", "a\r\nb", "a\nb"},
		{"bel and backspace removed", "ding\a paid\b\b\b\bunpaid", "ding paidunpaid"},
		{"nul and other c0 removed", "a\x00b\x01c\x1fd\x7fe", "abcde"},
		{"csi colour removed", "\x1b[31mred\x1b[0m text", "red text"},
		{"csi with private params removed", "a\x1b[?1049hb\x1b[2Jc", "abc"},
		{"csi cursor up removed", "ok\x1b[1Afake", "okfake"},
		{"8-bit csi removed", "a\u009b31mred\u009b0m", "ared"},
		{"osc title with bel removed", "\x1b]0;pwned\x07name", "name"},
		{"osc 8 link removed, label kept", "see \x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\ now", "see here now"},
		{"8-bit osc with 8-bit st", "x\u009d8;;http://e\u009cy", "xy"},
		{"dcs removed", "a\x1bPq#0;2;0;0;0#0~~\x1b\\b", "ab"},
		{"8-bit dcs removed", "a\u0090+q544e\u009cb", "ab"},
		{"apc removed", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"8-bit apc removed", "a\u009fpayload\u009cb", "ab"},
		{"pm removed", "a\x1b^secret\x1b\\b", "ab"},
		{"sos removed", "a\x1bXstart of string\x1b\\b", "ab"},
		{"8-bit sos and pm removed", "a\u0098s\u009cb\u009ep\u009cc", "abc"},
		{"unterminated osc swallows the rest", "name\x1b]0;title never ends", "name"},
		{"osc ended by can", "a\x1b]0;t\x18b", "ab"},
		{"two-byte esc removed", "a\x1b7b\x1b8c\x1bcd", "abcd"},
		{"esc with intermediate removed", "a\x1b(Bb\x1b#8c", "abc"},
		{"lone esc at end removed", "abc\x1b", "abc"},
		{"esc before chinese drops esc only", "a\x1b王b", "a王b"},
		{"esc esc csi", "a\x1b\x1b[31mb", "ab"},
		{"csi interrupted by chinese", "a\x1b[3王b", "a王b"},
		{"c0 inside csi removed", "a\x1b[3\r1mb", "ab"},
		{"esc inside csi starts a new sequence", "a\x1b[31\x1b[0mb", "ab"},
		{"can aborts a csi", "a\x1b[31\x18b", "ab"},
		{"esc after an intermediate starts anew", "a\x1b(\x1b[31mb", "ab"},
		{"intermediate then chinese keeps the chinese", "a\x1b(王b", "a王b"},
		{"st after a doubled esc ends the string", "a\x1b]0;t\x1b\x1b\\b", "ab"},
		{"esc ends a string and starts a sequence", "a\x1b]0;t\x1bxb", "ab"},
		{"other c1 removed", "a\u0085b\u0084c\u008ed", "abcd"},
		{"bidi overrides removed", "a\u202ebc\u202c d\u2066e\u2069 f\u200eg\u200fh\u061ci", "abc de fghi"},
		{"all bidi embeds removed", "\u202a\u202b\u202c\u202d\u2067\u2068x", "x"},
		{"zero width joiner kept (emoji)", "👨\u200d👩", "👨\u200d👩"},
		{"invalid utf8 replaced", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"raw 0x9b byte is invalid utf8, not csi", "a\x9b31mb", "a\ufffd31mb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Inert(tt.in)
			if got != tt.want {
				t.Errorf("Inert(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Inert(got); again != got {
				t.Errorf("Inert not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestInertLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"newlines and tabs become spaces", "a\nb\tc", "a b c"},
		{"crlf becomes one space", "a\r\nb", "a b"},
		{"escapes removed first", "\x1b[1mbold\x1b[0m\n王总", "bold 王总"},
		{"plain unchanged", "ACME Ltd", "ACME Ltd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := InertLine(tt.in); got != tt.want {
				t.Errorf("InertLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzInert(f *testing.F) {
	for _, s := range []string{"", "plain", "王总👍", "transfer $10\rtransfer $99",
		"\x1b[31mred", "\x1b]8;;http://x\x1b\\l\x1b]8;;\x1b\\", "\u009b1m", "\xff\xfe",
		"\x1bP\x1b\x1b\\", "a\u202eb", "\x1b\x1b\x1b[", "\x1b(\x1b[1;2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Inert(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Inert(%q) = %q is not valid UTF-8", s, out)
		}
		for _, r := range out {
			if r == 0x1b || r == '\r' || (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f ||
				(r >= 0x80 && r <= 0x9f) || dropped(r) {
				t.Fatalf("Inert(%q) = %q still holds control %U", s, out, r)
			}
		}
		if again := Inert(out); again != out {
			t.Fatalf("Inert not idempotent on %q: %q then %q", s, out, again)
		}
		line := InertLine(s)
		if strings.ContainsAny(line, "\n\t\r\x1b") {
			t.Fatalf("InertLine(%q) = %q holds a line break, tab or ESC", s, line)
		}
	})
}
