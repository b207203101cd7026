package proof

import "testing"

// The checkers the other tests rely on must catch what they are for, or
// every test above could pass by proving nothing.
func TestInertProblem(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		sgr, crlf bool
		bad       bool
	}{
		{"plain", "王总 call 10:00\n\tnext", false, false, false},
		{"SGR refused", "\x1b[1mbold\x1b[m", false, false, true},
		{"SGR allowed", "\x1b[1;7mtab\x1b[m", true, false, false},
		{"other CSI with SGR allowed", "\x1b[2J", true, false, true},
		{"OSC 8", "\x1b]8;;http://x\x1b\\l\x1b]8;;\x1b\\", true, false, true},
		{"OSC 52", "\x1b]52;c;eA==\x07", true, false, true},
		{"DCS", "\x1bPq\x1b\\", true, false, true},
		{"APC", "\x1b_x\x1b\\", true, false, true},
		{"CR", "transfer $10\rtransfer $99", true, false, true},
		{"CRLF allowed", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", false, true, false},
		{"lone CR with CRLF allowed", "a\rb\r\n", false, true, true},
		{"BEL", "a\x07", false, false, true},
		{"backspace", "ab\x08", false, false, true},
		{"C1 CSI", "\u009b31m", true, false, true},
		{"bidi override", "a\u202eb", true, false, true},
		{"bidi isolate", "a\u2066b", true, false, true},
		{"invalid UTF-8", "a\xffb", true, false, true},
		{"DEL", "a\x7f", true, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inertProblem(tt.in, tt.sgr, tt.crlf); (got != "") != tt.bad {
				t.Errorf("inertProblem(%q) = %q, want a problem: %v", tt.in, got, tt.bad)
			}
		})
	}
}

func TestSizeProblem(t *testing.T) {
	if p := sizeProblem("ab\ncd", 2, 2); p != "" {
		t.Errorf("2×2 frame: %s", p)
	}
	for _, tt := range []struct {
		view string
		w, h int
	}{{"ab\ncd", 2, 3}, {"ab\nc", 2, 2}, {"王\nab", 2, 2 + 1}, {"王x\nab", 2, 2}} {
		if sizeProblem(tt.view, tt.w, tt.h) == "" {
			t.Errorf("%q passes as %d×%d", tt.view, tt.w, tt.h)
		}
	}
}
