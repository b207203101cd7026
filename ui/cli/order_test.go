package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// client list lists by name as the planner's Clients pane sorts "by name":
// Latin names first, any case, then Chinese ones by pinyin — not by code
// point (孙总, 张工, 新客户, 李经理, 王总, 赵总).
func TestClientListByPinyin(t *testing.T) {
	h := newHarness(t)
	for _, n := range []string{"孙总", "张工", "新客户", "李经理", "王总", "赵总", "lisa", "ACME Ltd"} {
		h.ok("client", "add", n)
	}
	want := []string{"ACME Ltd", "lisa", "李经理", "孙总", "王总", "新客户", "张工", "赵总"}
	var rows []struct{ Name string }
	if err := json.Unmarshal([]byte(h.ok("client", "list", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.Name)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("client list --json: %q, want %q", got, want)
	}
	// The table in the same order.
	out := h.ok("client", "list")
	last := -1
	for _, n := range want {
		i := strings.Index(out, n)
		if i < last {
			t.Errorf("the table lists %s out of order:\n%s", n, out)
		}
		last = i
	}
}
