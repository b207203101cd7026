package i18n

import (
	"fmt"
	"testing"

	"salesplan/model"
)

// explainedErr stands for storage's errors (a ValidationError, a store
// error): not a *model.Problem, but one that explains itself as one.
type explainedErr struct{ p *model.Problem }

func (e explainedErr) Error() string           { return "english only: " + e.p.Error() }
func (e explainedErr) Problem() *model.Problem { return e.p }
func (e explainedErr) Unwrap() error           { return nil }

var _ model.Explained = explainedErr{}

// One vocabulary: Lang.Err finds any model.Explained in a chain of wrapped
// errors and says it in the user's language, a Problem inside a Problem
// (what is wrong with a record of an import) included — never the English
// of a validation message in Chinese.
func TestErrFindsEveryExplainedError(t *testing.T) {
	inner := model.Errf("date_out_of_range", "%s is outside the dates salesplan keeps (1900-01-01 to 2200-12-31)", "2201-01-01").In("due")
	record := explainedErr{model.Errf("invalid_field", "%s: %s: %s", "promises[0]", "due", inner)}
	wrapped := fmt.Errorf("import x.json: %w", record)
	for _, c := range []struct {
		name string
		l    Lang
		err  error
		want string
	}{
		{"nested zh", ZH, wrapped, "promises[0] 的字段 due：2201-01-01 超出 salesplan 可记录的日期范围（1900-01-01 至 2200-12-31）"},
		{"nested en", EN, wrapped, "promises[0]: due: 2201-01-01 is outside the dates salesplan keeps (1900-01-01 to 2200-12-31)"},
		{"explained zh", ZH, fmt.Errorf("add: %w", explainedErr{model.CheckText(model.FieldText, string(make([]byte, 70000))).(*model.Problem)}),
			"内容有 70000 字节，上限为 64 KiB（65536 字节）：未作截断，请缩短或把其余部分另存"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.l.Err(c.err); got != c.want {
				t.Errorf("Err = %q, want %q", got, c.want)
			}
		})
	}
}
