package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"salesplan/model"
	"salesplan/storage"
)

func callsToday(t *testing.T, h *harness) int {
	t.Helper()
	var v struct {
		Quotas struct {
			Calls struct {
				Done int `json:"done"`
			} `json:"calls"`
		} `json:"quotas"`
	}
	if err := json.Unmarshal([]byte(h.ok("today", "--json")), &v); err != nil {
		t.Fatal(err)
	}
	return v.Quotas.Calls.Done
}

// salesplan undo reverts the latest action in the database's log — the
// planner's too — and says what it undid, by name.
func TestUndoCommand(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "王总", "--key")
	h.ok("log", "call", "王总", "price")
	if n := callsToday(t, h); n != 1 {
		t.Fatalf("%d calls before undo", n)
	}
	if out := h.ok("undo"); !strings.Contains(out, "Undone: call with 王总, 27 Nov") {
		t.Errorf("undo said %q", out)
	}
	if n := callsToday(t, h); n != 0 {
		t.Errorf("%d calls after undo", n)
	}

	// The planner (another Store on the file) keeps a promise; the command
	// line undoes it.
	st, err := storage.Open(h.db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.FindClient("王总")
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.AddPromise(model.Promise{ClientID: c.ID, Text: "send the quote", Due: model.MakeDate(2026, 11, 30)}, model.MakeDate(2026, 11, 27))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.KeepPromise(p.ID, model.MakeDate(2026, 11, 28)); err != nil {
		t.Fatal(err)
	}
	if out := h.ok("--lang", "zh", "undo"); !strings.Contains(out, "已撤销：兑现对王总的承诺：“send the quote”") {
		t.Errorf("undo said %q", out)
	}
	if got, _ := st.Promises(false); len(got) != 1 || got[0].Status != model.PromiseOpen {
		t.Errorf("the promise is not open again: %+v", got)
	}
	h.ok("undo") // the promise
	if out := h.ok("undo"); !strings.Contains(out, "adding client 王总") {
		t.Errorf("undo said %q", out)
	}

	// Nothing left: one line, exit 1, the file as it was.
	before := h.dbBytes()
	r := h.run("undo")
	if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, "nothing to undo") {
		t.Errorf("undo with nothing to undo: exit %d, %q", r.code, r.err)
	}
	if !bytes.Equal(before, h.dbBytes()) {
		t.Error("a refused undo changed the database file")
	}
}

// Over the limits, every command refuses with one line naming the limit
// and leaves the database as it was; at the limit, it keeps every byte.
func TestTextLimitsOnTheCommandLine(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "王总", "--key")
	before := h.dbBytes()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"add", strings.Repeat("标", 1005)}, "the limit is 500 characters"},
		{[]string{"client", "add", "ACME", "--needs", strings.Repeat("n", 64<<10+1)}, "the limit is 64 KiB"},
		{[]string{"note", "王总", strings.Repeat("长", 30000)}, "the limit is 64 KiB"},
		{[]string{"--lang", "zh", "add", strings.Repeat("x", 501)}, "上限为 500 个字符"},
	} {
		r := h.run(tc.args...)
		if r.code != 1 || len(stderrLines(r.err)) != 1 || !strings.Contains(r.err, tc.want) {
			t.Errorf("%s…: exit %d, stderr %q; want one line with %q", tc.args[0], r.code, r.err, tc.want)
		}
		if !bytes.Equal(before, h.dbBytes()) {
			t.Fatalf("%s…: a refused command changed the database", tc.args[0])
		}
	}
	title := strings.Repeat("标", 500)
	h.ok("add", title)
	st, err := storage.Open(h.db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	inbox, err := st.TasksOn(model.NoDate)
	if err != nil {
		t.Fatal(err)
	}
	day, err := st.TasksOn(model.MakeDate(2026, 11, 27))
	if err != nil {
		t.Fatal(err)
	}
	if all := append(inbox, day...); len(all) != 1 || all[0].Title != title {
		t.Errorf("a 500-character title: %d tasks", len(all))
	}
}
