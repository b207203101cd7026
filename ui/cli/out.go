package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

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
	bw := bufio.NewWriter(w)
	var b strings.Builder
	for ri, r := range t.rows {
		b.Reset()
		b.WriteString(indent)
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-cells[ri][i])
			if i < len(t.right) && t.right[i] {
				b.WriteString(pad + c)
			} else if i == len(r)-1 {
				b.WriteString(c)
			} else {
				b.WriteString(c + pad)
			}
		}
		bw.WriteString(strings.TrimRight(b.String(), " "))
		bw.WriteByte('\n')
	}
	_ = bw.Flush() // a closed pipe shows as the command's own write error
}

// cellWidth is the width of a cell in terminal cells: its length when it
// is printable ASCII (most cells: dates, times, counts), else as measured.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
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

// say prints one translated line on stdout.
func (a *app) say(key string, args ...any) {
	fmt.Fprintln(a.stdout, a.t(key, args...))
}
