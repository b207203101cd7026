package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// literalKeyRE finds catalog keys written literally at call sites:
// l.T("day.empty", …), env.T("tab.day"), Lang.T("…"), l.N("…", n, …).
var literalKeyRE = regexp.MustCompile(`\b[TN]\("([a-z0-9_]+(?:\.[a-z0-9_]+)+)"`)

// Every key the planner and the command line ask for by name must be in the
// catalog, or the user sees "!key". This scans the ui tree's sources, so it
// catches a typo or a forgotten message in any area.
func TestEveryUsedKeyExists(t *testing.T) {
	root, count := "..", 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		count += len(literalKeyRE.FindAllStringSubmatch(string(src), -1))
		for _, m := range literalKeyRE.FindAllStringSubmatch(string(src), -1) {
			if !Has(m[1]) {
				t.Errorf("%s: key %q is not in the catalog", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if count == 0 {
		t.Fatal("found no keys at all: the scan is broken")
	}
	t.Logf("%d literal keys checked", count)
}
