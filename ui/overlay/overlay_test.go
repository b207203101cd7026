package overlay

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestBottom(t *testing.T) {
	tests := []struct {
		name, body, dlg string
		w, h            int
		want            string
	}{
		{"centred on the last line", "aaaa\nbbbb\ncccc", "XX", 4, 3, "aaaa\nbbbb\ncXXc"},
		{"short body is padded", "ab", "XX", 4, 3, "ab\n\n XX "},
		{"tall dialog loses its top", "aaaa\nbbbb", "1\n2\n3", 4, 2, "a2aa\nb3bb"},
		{"wide characters measured in cells", "aaaaaa\nbbbbbb", "客户", 6, 2, "aaaaaa\nb客户b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ansi.Strip(Bottom(tt.body, tt.dlg, tt.w, tt.h))
			if got != tt.want {
				t.Errorf("Bottom() = %q, want %q", got, tt.want)
			}
		})
	}
}
