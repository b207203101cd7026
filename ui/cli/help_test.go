package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestHelpSaysWhatCommandsDo: help texts that had fallen behind the
// commands (a review walked every --help): the export's formats, the CSV
// import, target set taking both, target show's year, the client and
// target groups' subcommands, the exchange format's version — in both
// languages.
func TestHelpSaysWhatCommandsDo(t *testing.T) {
	h := newHarness(t)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"export", "--help"}, []string{"CSV", "iCalendar", "json, csv (one kind, see --kind) or ics"}},
		{[]string{"--lang", "zh", "export", "--help"}, []string{"CSV", "iCalendar", "json、csv"}},
		{[]string{"import", "--help"}, []string{"clients from a CSV file", "with --format csv: only show which clients would be added"}},
		{[]string{"target", "set", "--help"}, []string{"[--year Y --sales N] [--month YYYY-MM N]", "or both"}},
		{[]string{"target", "show", "--help"}, []string{"the year to show (default this year)"}},
		{[]string{"--lang", "zh", "target", "show", "--help"}, []string{"要查看的年份（默认今年）"}},
		{[]string{"--help"}, []string{"Add, list, show and edit clients", "Set and show the sales targets"}},
		{[]string{"--lang", "zh", "--help"}, []string{"添加、列出、查看与修改客户", "设置与查看销售目标"}},
		{[]string{"done", "--help"}, []string{"the call, visit or meeting"}},
		{[]string{"help", "exchange"}, []string{`"version": 2`, "import reads versions 1 and 2", "there is no client #99"}},
		{[]string{"--lang", "zh", "help", "exchange"}, []string{`"version": 2`, "导入读取版本 1 和 2"}},
	} {
		out := h.ok(tc.args...)
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("salesplan %s: no %q in\n%s", strings.Join(tc.args, " "), w, out)
			}
		}
	}
}

// TestTargetSetTakesBoth: the year and a month in one command, as its help
// says.
func TestTargetSetTakesBoth(t *testing.T) {
	h := newHarness(t)
	out := h.ok("target", "set", "--year", "2026", "--sales", "1200000", "--month", "2026-12", "300000")
	if !strings.Contains(out, "Annual target 2026") || !strings.Contains(out, "Target for 2026-12") {
		t.Errorf("target set with both said:\n%s", out)
	}
}

// TestImportDryRunOfJSONRefused: --dry-run is the CSV import's; given with
// a JSON document it is bad usage, not an import the person did not want.
func TestImportDryRunOfJSONRefused(t *testing.T) {
	h := newHarness(t)
	h.ok("client", "add", "Zhao")
	doc := h.write("doc.json", validDoc)
	before := h.dbBytes()
	r := h.run("import", "--merge", "--dry-run", doc)
	if r.code != ExitUsage || !strings.Contains(r.err, "--dry-run works with --format csv only") {
		t.Fatalf("exit %d, stderr %q; want bad usage naming --dry-run", r.code, r.err)
	}
	if !bytes.Equal(before, h.dbBytes()) {
		t.Fatal("a dry run imported the document")
	}
}

// commandPaths walks the help: every command and subcommand that the
// "Commands:" lists name, from the root down.
func commandPaths(h *harness, path []string) [][]string {
	out := [][]string{path}
	help := h.ok(append(append([]string{}, path...), "--help")...)
	_, list, ok := strings.Cut(help, "\nCommands:\n")
	if !ok {
		return out
	}
	for _, line := range strings.Split(list, "\n") {
		if !strings.HasPrefix(line, "  ") {
			break
		}
		name := strings.Fields(line)[0]
		if name == "help" {
			continue
		}
		out = append(out, commandPaths(h, append(append([]string{}, path...), name))...)
	}
	return out
}

// TestChineseHelpHasNoEnglishFrame: in Chinese every command's help frames
// its flags in Chinese — the value's kind, the default, the usage line's
// [flags] and [command] — where pflag and cobra wrote English.
func TestChineseHelpHasNoEnglishFrame(t *testing.T) {
	h := newHarness(t)
	paths := commandPaths(h, nil)
	if len(paths) < 40 {
		t.Fatalf("walked only %d commands: %v", len(paths), paths)
	}
	for _, p := range paths {
		args := append(append([]string{"--lang", "zh"}, p...), "--help")
		out := h.ok(args...)
		for _, english := range []string{"(default", "[flags]", "[command]", " string ", " int ", "Usage:", "Flags:", "!cli."} {
			if strings.Contains(out, english) {
				t.Errorf("salesplan %s: %q in\n%s", strings.Join(args, " "), english, out)
			}
		}
	}
	// English keeps pflag's own words.
	if out := h.ok("export", "--help"); !strings.Contains(out, `--format string`) || !strings.Contains(out, `(default "json")`) {
		t.Errorf("export --help in English:\n%s", out)
	}
}
