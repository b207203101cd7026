package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"salesplan/model"
)

// table aligns columns in terminal cells (a Chinese character is two), so
// that names in any script line up.
type table struct {
	rows  [][]string
	right []bool // right-align this column (numbers)
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer, indent string) {
	// Each cell is measured once, and the rows go out in one buffered write:
	// a neglected day or a due-client list is thousands of rows.
	cells := make([][]int, len(t.rows))
	var widths []int
	for ri, r := range t.rows {
		cells[ri] = make([]int, len(r))
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			cells[ri][i] = cellWidth(c)
			widths[i] = max(widths[i], cells[ri][i])
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var b []byte
	spaces := func(n int) {
		for range n {
			b = append(b, ' ')
		}
	}
	for ri, r := range t.rows {
		b = append(b[:0], indent...)
		for i, c := range r {
			if i > 0 {
				b = append(b, "  "...)
			}
			pad := widths[i] - cells[ri][i]
			if i < len(t.right) && t.right[i] {
				spaces(pad)
				b = append(b, c...)
			} else {
				b = append(b, c...)
				if i < len(r)-1 {
					spaces(pad)
				}
			}
		}
		b = bytes.TrimRight(b, " ")
		b = append(b, '\n')
		bw.Write(b)
	}
	_ = bw.Flush() // a closed pipe shows as the command's own write error
}

// cellWidth is the width of a cell in terminal cells: its length when it
// is printable ASCII (most cells: dates, times, counts); 1 per printable
// ASCII character and 2 per wide character when it holds only those and
// the common wide ones (plainWide: names and notes in Chinese); else as
// ansi measures it.
func cellWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c <= 0x7e {
			w++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !plainWide(r) {
			return ansi.StringWidth(s)
		}
		w += 2
		i += size
	}
	return w
}

// plainWide reports whether r is a character two cells wide that stands
// alone (no mark joins it, it joins nothing): CJK ideographs, CJK
// punctuation without the combining tone marks, full-width forms
// (TestPlainWideAsAnsi checks each against ansi.StringWidth).
func plainWide(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3001 && r <= 0x3029 || r >= 0xFF01 && r <= 0xFF60
}

// clean makes user text inert and one line, for a table cell.
func clean(s string) string { return model.InertLine(s) }

// orDash shows "-" for an empty cell so columns stay readable.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// dateCell renders a date or "-".
func dateCell(d model.Date) string { return orDash(d.String()) }

// currency returns the configured symbol ("" = the language's default).
func (a *app) currency(set model.Settings) string { return model.InertLine(set.Currency) }

// writeJSON writes v as indented JSON followed by a newline.
func (a *app) writeJSON(v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// say prints one translated line on stdout. Text arguments (paths, names
// the person typed) are made inert: "Backed up to FILE" must not pass an
// escape sequence in FILE to the terminal.
func (a *app) say(key string, args ...any) {
	fmt.Fprintln(a.stdout, a.t(key, cleanArgs(args)...))
}

// sayN is say for a message that counts n of something (i18n.Lang.N).
func (a *app) sayN(key string, n int, args ...any) {
	fmt.Fprintln(a.stdout, a.n(key, n, cleanArgs(args)...))
}

// cleanArgs makes the text arguments of a message inert, in place.
func cleanArgs(args []any) []any {
	for i, v := range args {
		if s, ok := v.(string); ok {
			args[i] = clean(s)
		}
	}
	return args
}
