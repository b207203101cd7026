package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// repoRoot is the module root, two levels above this package.
const repoRoot = "../.."

// dynamicCodes lists what the non-literal part ("*") of a computed
// Problem code can be. A new computed code fails the test until its
// variants are listed here (and then each variant must be in the catalog).
var dynamicCodes = map[string][]string{
	"ambiguous_*":  {"client", "project"},
	"unknown_*":    {"client", "project"},
	"unknown_*_id": {"client", "task", "entry", "promise", "project"},
	"record_*":     {"client", "task", "entry", "promise", "project"},
	"too_long_*": {"title", "name", "company", "area", "phone", "business", "needs", "decision_maker",
		"interests", "referred_by", "text", "owner", "reason", "currency", "language"},
	"not_utf8_*": {"title", "name", "company", "area", "phone", "business", "needs", "decision_maker",
		"interests", "referred_by", "text", "owner", "reason", "currency", "language"},
	"promise_status_*": {"open", "kept", "cancelled"},
}

// problemSite is one place that makes a model.Problem.
type problemSite struct {
	pos    string
	code   string
	format string // the English format, literal parts only
	nargs  int    // arguments after the format; -1 when passed as args...
}

// goFiles returns the repository's non-test Go files.
func goFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != repoRoot && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 50 {
		t.Fatalf("found only %d Go files under %s: wrong root?", len(out), repoRoot)
	}
	return out
}

// parseAll parses files and collects the string constants of each package
// directory (for codes named by a constant, like quickadd.CodeBadDate).
func parseAll(t *testing.T, files []string) (*token.FileSet, map[string]*ast.File, map[string]string) {
	t.Helper()
	fset := token.NewFileSet()
	parsed := map[string]*ast.File{}
	consts := map[string]string{} // "dir.Name" and "pkg.Name" → value
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Errorf("parse %s: %v", path, err) // a file mid-edit by someone else
			continue
		}
		parsed[path] = f
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							v, _ := strconv.Unquote(lit.Value)
							consts[filepath.Dir(path)+"."+name.Name] = v
							consts[f.Name.Name+"."+name.Name] = v
						}
					}
				}
			}
		}
	}
	return fset, parsed, consts
}

// pattern flattens a string expression: literals as they are, constants
// resolved, anything else "*". ok is false when nothing is literal.
func pattern(e ast.Expr, dir string, consts map[string]string) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		v, err := strconv.Unquote(e.Value)
		return v, err == nil
	case *ast.Ident:
		if v, ok := consts[dir+"."+e.Name]; ok {
			return v, true
		}
		return "*", false
	case *ast.SelectorExpr:
		if pkg, ok := e.X.(*ast.Ident); ok {
			if v, ok := consts[pkg.Name+"."+e.Sel.Name]; ok {
				return v, true
			}
		}
		return "*", false
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "*", false
		}
		l, lok := pattern(e.X, dir, consts)
		r, rok := pattern(e.Y, dir, consts)
		return l + r, lok || rok
	case *ast.ParenExpr:
		return pattern(e.X, dir, consts)
	}
	return "*", false
}

// codeAt is where the code is among the arguments of the functions that
// make a Problem; the format follows it, then the format's arguments.
var codeAt = map[string]int{"Errf": 0, "newStoreError": 2, "refuseTarget": 0}

// problemSites finds every model.Errf(code, format, args…) and
// newStoreError(sentinel, cause, code, format, args…) call.
func problemSites(t *testing.T) []problemSite {
	t.Helper()
	fset, parsed, consts := parseAll(t, goFiles(t))
	var sites []problemSite
	for path, f := range parsed {
		dir := filepath.Dir(path)
		for _, decl := range f.Decls {
			var fn *ast.FuncDecl
			params := map[string]bool{}
			assigned := map[string][]string{} // local variable → the codes assigned to it
			if fd, ok := decl.(*ast.FuncDecl); ok {
				fn = fd
				for _, field := range fd.Type.Params.List {
					for _, n := range field.Names {
						params[n.Name] = true
					}
				}
				ast.Inspect(fd, func(n ast.Node) bool {
					if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
						for i, l := range as.Lhs {
							if id, ok := l.(*ast.Ident); ok {
								if v, ok := pattern(as.Rhs[i], dir, consts); ok {
									assigned[id.Name] = append(assigned[id.Name], v)
								}
							}
						}
					}
					return true
				})
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var name string
				switch fun := call.Fun.(type) {
				case *ast.Ident:
					name = fun.Name
				case *ast.SelectorExpr:
					name = fun.Sel.Name
				}
				i, ok := codeAt[name]
				if !ok || len(call.Args) < i+2 {
					return true
				}
				pos := fset.Position(call.Pos()).String()
				format, _ := pattern(call.Args[i+1], dir, consts)
				nargs := len(call.Args) - i - 2
				if call.Ellipsis.IsValid() {
					nargs = -1
				}
				var codes []string
				if code, ok := pattern(call.Args[i], dir, consts); ok {
					codes = []string{code}
				} else if id, isID := call.Args[i].(*ast.Ident); isID && len(assigned[id.Name]) > 0 {
					codes = assigned[id.Name]
				} else if isID && params[id.Name] && fn != nil {
					if _, wrapper := codeAt[fn.Name.Name]; wrapper {
						return true // its callers are scanned
					}
				}
				if len(codes) == 0 {
					t.Errorf("%s: %s with a code the test cannot resolve (use a literal or a constant)", pos, name)
					return true
				}
				for _, code := range codes {
					sites = append(sites, problemSite{pos: pos, code: code, format: format, nargs: nargs})
				}
				return true
			})
		}
	}
	sort.Slice(sites, func(a, b int) bool { return sites[a].pos < sites[b].pos })
	return sites
}

// verbs maps each argument position (1-based) of a format to its verb letter.
func verbs(format string) map[int]byte {
	clean := strings.ReplaceAll(format, "%%", "")
	out := map[int]byte{}
	next := 1
	for _, m := range verbRE().FindAllStringSubmatch(clean, -1) {
		if m[2] != "" {
			next, _ = strconv.Atoi(m[2])
		}
		out[next] = m[0][len(m[0])-1]
		next++
	}
	return out
}

// verbClass groups verbs that print the same kinds of value; 0 is "any".
func verbClass(v byte) byte {
	switch v {
	case 'd', 'o', 'b', 'c':
		return 'i'
	case 's', 'q':
		return 's'
	}
	return 0
}

// Every Problem code made anywhere has "err.<code>" in the catalog, with as
// many arguments as its producers pass and verbs that fit them, so a
// Chinese user never sees the English fallback (or '\a' for a number).
func TestEveryProblemCodeIsTranslated(t *testing.T) {
	sites := problemSites(t)
	if len(sites) < 40 {
		t.Fatalf("found only %d Problem sites: the scan is broken", len(sites))
	}
	for _, s := range sites {
		codes := []string{s.code}
		if strings.Contains(s.code, "*") {
			kinds, ok := dynamicCodes[s.code]
			if !ok {
				t.Errorf("%s: computed code %q: list its variants in dynamicCodes", s.pos, s.code)
				continue
			}
			codes = codes[:0]
			for _, k := range kinds {
				codes = append(codes, strings.Replace(s.code, "*", k, 1))
			}
		}
		for _, code := range codes {
			m, ok := Lookup("err." + code)
			if !ok {
				t.Errorf("%s: code %q has no err.%s in the catalog", s.pos, code, code)
				continue
			}
			if s.nargs < 0 {
				continue
			}
			if n := ArgCount(m.EN); n != s.nargs {
				t.Errorf("%s: code %q is made with %d arguments but err.%s takes %d", s.pos, code, s.nargs, code, n)
				continue
			}
			site, cat := verbs(s.format), verbs(m.EN)
			for i, v := range site {
				a, b := verbClass(v), verbClass(cat[i])
				if a != 0 && b != 0 && a != b {
					t.Errorf("%s: code %q argument %d is printed with %%%c but err.%s has %%%c", s.pos, code, i, v, code, cat[i])
				}
			}
		}
	}
}

// Every undo action code of storage ("Act… = "code"" in storage/undo.go and
// any act("code", …) call) has "undo.<code>": Undo's answer is shown as
// "undid <action>".
func TestEveryUndoActionIsTranslated(t *testing.T) {
	var files []string
	for _, path := range goFiles(t) {
		if filepath.Dir(path) == filepath.Join(repoRoot, "storage") {
			files = append(files, path)
		}
	}
	fset, parsed, consts := parseAll(t, files)
	codes := map[string]string{} // code → where
	for name, v := range consts {
		if after, ok := strings.CutPrefix(name, "storage.Act"); ok && after != "" {
			codes[v] = name
		}
	}
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "act" && len(call.Args) > 0 {
					if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						codes[v] = fset.Position(call.Pos()).String()
					}
				}
			}
			return true
		})
	}
	if len(codes) < 10 {
		t.Fatalf("found only %d undo action codes: the scan is broken", len(codes))
	}
	for code, where := range codes {
		if !Has("undo." + code) {
			t.Errorf("undo action %q (%s) has no undo.%s in the catalog", code, where, code)
		}
	}
}

// The scan must see the repository (a moved package would make it vacuous).
func TestCodeScanSeesStorage(t *testing.T) {
	if _, err := os.Stat(filepath.Join(repoRoot, "storage", "undo.go")); err != nil {
		t.Fatalf("storage/undo.go not found from %s: %v", repoRoot, err)
	}
}
