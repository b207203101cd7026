package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"salesplan/model"
	"salesplan/storage"
	"salesplan/ui/i18n"
)

// Exit codes (DESIGN.md §3).
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// PlannerArgs is what the full-screen planner needs from the command line.
type PlannerArgs struct {
	Store *storage.Store
	Today model.Date
	Lang  i18n.Lang
	// Currency is the configured symbol ("" = the language's default).
	Currency string
	Fixed    bool // today was fixed by --today or SALESPLAN_TODAY
	Demo     bool // the store is a throwaway demo database
	Stdin    io.Reader
	Stdout   io.Writer
	Env      func(string) string
}

// Config holds what main injects: the planner (package ui) and the clock.
// The zero Config is usable: without a planner, `salesplan` prints today's
// agenda instead of opening the full-screen view.
type Config struct {
	Planner func(PlannerArgs) error
	Now     func() time.Time
}

// Main runs the command line with a zero Config.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) int {
	return Config{}.Main(args, stdin, stdout, stderr, env)
}

// app is one run of the command line: its flags, its store and its language.
type app struct {
	cfg    Config
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	env    func(string) string

	dbPath   string
	todayArg string
	langArg  string
	demo     bool

	neglected bool // demo --neglected: the scaled data set, left alone for three months

	lang    i18n.Lang
	today   model.Date
	fixed   bool
	st      *storage.Store
	tempDir string // the --demo database's directory, removed at the end

	lockTimeout time.Duration // SALESPLAN_LOCK_TIMEOUT; 0 is the storage default

	ran   bool // a command's RunE started: errors before it are usage errors
	wrote bool // the command changed the database: run the daily backup
}

// Main parses args, runs the command and returns the exit code. It never
// panics on bad input and never calls os.Exit.
func (c Config) Main(args []string, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) (code int) {
	if env == nil {
		env = func(string) string { return "" }
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	a := &app{cfg: c, stdin: stdin, stdout: stdout, stderr: stderr, env: env}
	defer a.cleanup()
	// A bug must still end in one line, not a stack trace (the store
	// recovers bbolt's own panics and names the damage itself).
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(a.stderr, oneLine(a.t("cli.error_prefix")+a.t("cli.err.internal", fmt.Sprint(r))))
			code = ExitFail
		}
	}()
	// The language is needed before parsing (help texts): take --lang from
	// the raw arguments, then the locale. The setting refines it on open.
	a.lang = i18n.Detect(rawFlag(args, "lang"), env)
	root := a.rootCmd()
	if args == nil {
		args = []string{}
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteC()
	if err == nil {
		if a.wrote {
			a.autoBackup()
		}
		return ExitOK
	}
	if errors.Is(err, syscall.EPIPE) {
		// The reader went away (| head): what it wanted it has; nothing to
		// say, as for every command that prints its output whole.
		return ExitOK
	}
	var ue *usageError
	if !a.ran || errors.As(err, &ue) {
		a.printUsageError(cmd, err)
		return ExitUsage
	}
	fmt.Fprintln(a.stderr, oneLine(a.t("cli.error_prefix")+a.explain(err)))
	return ExitFail
}

// rawFlag finds --name VALUE or --name=VALUE before "--".
func rawFlag(args []string, name string) string {
	for i, s := range args {
		if s == "--" {
			break
		}
		if s == "--"+name && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(s, "--"+name+"="); ok {
			return v
		}
	}
	return ""
}

func (a *app) t(key string, args ...any) string { return a.lang.T(key, args...) }

// n is t for a message that counts n of something: "1 day", "3 days"
// (i18n.Lang.N).
func (a *app) n(key string, n int, args ...any) string { return a.lang.N(key, n, args...) }

// open opens the store once per run, fixes today and settles the language.
func (a *app) open() (*storage.Store, error) {
	if a.st != nil {
		return a.st, nil
	}
	if err := a.resolveToday(); err != nil {
		return nil, err
	}
	path := a.path()
	if a.demo {
		dir, err := os.MkdirTemp("", "salesplan-demo-")
		if err != nil {
			return nil, fmt.Errorf("demo database: %w", err)
		}
		a.tempDir = dir
		path = filepath.Join(dir, "demo.db")
	}
	if path == "" {
		return nil, &failure{key: "cli.err.no_db_path"}
	}
	var timeout time.Duration
	if s := a.env("SALESPLAN_LOCK_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return nil, &failure{key: "cli.err.lock_timeout", args: []any{s}}
		}
		timeout = d
	}
	a.lockTimeout = timeout
	st, err := storage.Open(path, storage.Options{LockTimeout: timeout, Clock: a.cfg.Now})
	if err != nil {
		return nil, &openError{path: path, err: err}
	}
	a.st = st
	if n := st.Notice(); n != nil {
		fmt.Fprintln(a.stderr, oneLine(a.t("cli.warn.notice", a.lang.Err(n))))
	}
	if a.langArg == "" {
		if set, err := st.Settings(); err == nil {
			a.lang = i18n.Detect(set.Language, a.env)
		}
	}
	// The holiday calendar follows the language read when none is set
	// (cn for Chinese): the planner and every command count alike.
	st.SetLanguage(string(a.lang))
	if a.demo {
		if err := a.writeDemo(0); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// path is the database file: --db, else SALESPLAN_DB, else the default.
func (a *app) path() string {
	if a.dbPath != "" {
		return a.dbPath
	}
	if p := a.env("SALESPLAN_DB"); p != "" {
		return p
	}
	return defaultDBPath(a.env)
}

// defaultDBPath is $XDG_DATA_HOME/salesplan/salesplan.db, read from the
// injected environment (not adrg/xdg's process-wide cache) so tests can set it.
func defaultDBPath(env func(string) string) string {
	base := env("XDG_DATA_HOME")
	if base == "" {
		home := env("HOME")
		if home == "" {
			return ""
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "salesplan", "salesplan.db")
}

// resolveToday applies --today, then SALESPLAN_TODAY, then the clock.
func (a *app) resolveToday() error {
	if a.today.Valid() {
		return nil
	}
	s, from := a.todayArg, "--today"
	if s == "" {
		s, from = a.env("SALESPLAN_TODAY"), "SALESPLAN_TODAY"
	}
	if s == "" {
		a.today = model.DateOf(a.cfg.Now())
		return nil
	}
	d, err := model.ParseDate(s)
	if err != nil {
		return &failure{key: "cli.err.bad_today", args: []any{s}}
	}
	if model.CheckDate("today", d) != nil {
		// A day no record can be dated (DESIGN.md §2's range): its views
		// would count nothing and its writes all be refused.
		return &failure{key: "cli.err.today_range", args: []any{from, s}}
	}
	a.today, a.fixed = d, true
	return nil
}

func (a *app) cleanup() {
	if a.tempDir != "" {
		_ = os.RemoveAll(a.tempDir)
	}
}

// autoBackup makes the daily backup after a write. It never fails the
// command: the change is already saved, so a problem is only a warning.
func (a *app) autoBackup() {
	if a.st == nil || a.demo {
		return
	}
	if err := a.st.AutoBackup(); err != nil { // named by the real clock, never --today
		fmt.Fprintln(a.stderr, oneLine(a.t("cli.warn.autobackup", a.explain(err))))
	}
}

// at is the moment recorded for something done on day d: now's wall clock
// on that day, so entries of one day keep their order.
func (a *app) at(d model.Date) time.Time {
	now := a.cfg.Now()
	y, m, dd := d.YMD()
	return time.Date(y, m, dd, now.Hour(), now.Minute(), now.Second(), 0, time.Local)
}

// run wraps a command body: it marks that parsing succeeded (so a later
// error is a failure, exit 1, not bad usage) and opens the store.
func (a *app) run(fn func(st *storage.Store, args []string) error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		a.ran = true
		st, err := a.open()
		if err != nil {
			return err
		}
		return fn(st, args)
	}
}

// runRescue wraps the commands that exist for a damaged database
// (backups, restore): when the store cannot be opened because of the file
// itself (damaged, truncated, emptied, foreign, newer), fn runs with a nil
// store and the database path, and works on the file through the storage
// functions that need no open Store. Bad flags and a lock held by another
// salesplan still fail as usual; so does a file that is not salesplan's at
// all when foreignOK is false (restore must not replace someone's document
// that --db pointed at by mistake).
func (a *app) runRescue(foreignOK bool, fn func(st *storage.Store, path string, args []string) error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		a.ran = true
		st, err := a.open()
		var oe *openError
		switch {
		case err == nil:
			return fn(st, st.Path(), args)
		case errors.As(err, &oe) && !errors.Is(err, storage.ErrLocked) && (foreignOK || !errors.Is(err, storage.ErrNotBolt)):
			return fn(nil, oe.path, args)
		}
		return err
	}
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "salesplan",
		Short:         a.t("cli.short.root"),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &usageError{key: "cli.usage.unknown_cmd", args: []any{args[0]}}
			}
			return nil
		},
		RunE: a.run(func(st *storage.Store, _ []string) error {
			return a.planner(st)
		}),
	}
	// Set before the completion command is made: it captures the writer.
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(err) })
	pf := root.PersistentFlags()
	pf.StringVar(&a.dbPath, "db", "", a.t("cli.flag.db"))
	pf.StringVar(&a.todayArg, "today", "", a.t("cli.flag.today"))
	pf.StringVar(&a.langArg, "lang", "", a.t("cli.flag.lang"))
	pf.BoolVar(&a.demo, "demo", false, a.t("cli.flag.demo"))
	pf.BoolP("help", "h", false, a.t("cli.flag.help"))
	root.SetUsageFunc(a.usage)
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: a.t("cli.short.help"),
		Run: func(c *cobra.Command, args []string) {
			if len(args) == 1 && a.helpTopic(args[0]) {
				return
			}
			cmd, _, e := c.Root().Find(args)
			if cmd == nil || e != nil {
				cmd = c.Root()
			}
			_ = cmd.Help()
			if cmd == c.Root() {
				fmt.Fprintln(a.stdout, a.t("cli.help.topics"))
			}
		},
	})
	root.CompletionOptions.HiddenDefaultCmd = false

	root.AddCommand(
		a.addCmd(), a.doneCmd(),
		a.clientCmd(), a.noteCmd(), a.logCmd(),
		a.promiseCmd(), a.projectCmd(),
		a.todayCmd(), a.weekCmd(), a.monthCmd(), a.reviewCmd(), a.reportCmd(),
		a.targetCmd(), a.configCmd(),
		a.exportCmd(), a.importCmd(), a.backupCmd(), a.backupsCmd(), a.restoreCmd(), a.checkCmd(), a.demoCmd(),
		a.searchCmd(), a.journalCmd(),
		a.syncCmd(),
	)
	root.AddCommand(a.undoCmd())
	root.AddCommand(a.taskCmd())
	a.persistentLang(root)
	a.completionCmd(root)
	a.addCompletions(root)
	return root
}

// persistentLang validates --lang before any command runs.
func (a *app) persistentLang(root *cobra.Command) {
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		// --db "" (an unset variable) would fall back to the default
		// database and write there: bad usage instead.
		if f := c.Flags().Lookup("db"); f != nil && f.Changed && a.dbPath == "" {
			return &usageError{key: "cli.usage.empty_path", args: []any{"--db"}}
		}
		switch a.langArg {
		case "", "en", "zh":
			if a.langArg != "" {
				a.lang = i18n.Detect(a.langArg, a.env)
			}
			return nil
		}
		return &usageError{key: "cli.usage.bad_lang", args: []any{a.langArg}}
	}
}

// group makes a command that only holds subcommands: run alone or with an
// unknown subcommand it is bad usage (cobra would print help and exit 0).
func (a *app) group(use, short string, subs ...*cobra.Command) *cobra.Command {
	c := &cobra.Command{
		Use:   use,
		Short: short,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return &usageError{key: "cli.usage.missing_sub", args: []any{cmdName(c)}}
			}
			return &usageError{key: "cli.usage.unknown_sub", args: []any{args[0], cmdName(c)}}
		},
	}
	c.AddCommand(subs...)
	return c
}

// planner opens the full-screen planner, or prints today's agenda when
// this build has none.
func (a *app) planner(st *storage.Store) error {
	if a.cfg.Planner == nil {
		ag, err := st.Today(a.today)
		if err != nil {
			return fmt.Errorf("today: %w", err)
		}
		set, _ := st.Settings()
		return a.printAgenda(ag, set, false)
	}
	set, err := st.Settings()
	if err != nil {
		return failWith(err, "cli.err.read_settings")
	}
	before, _ := st.Revision()
	err = a.cfg.Planner(PlannerArgs{Store: st, Today: a.today, Lang: a.lang, Currency: set.Currency,
		Fixed: a.fixed, Demo: a.demo, Stdin: a.stdin, Stdout: a.stdout, Env: a.env})
	// The session changed the database: make the daily backup on the way out.
	if after, rerr := st.Revision(); rerr == nil && after != before {
		a.wrote = true
	}
	return err
}

// useLine is c's usage line with cobra's "[flags]" in the run's language.
func (a *app) useLine(c *cobra.Command) string {
	line := c.UseLine()
	if l, ok := strings.CutSuffix(line, " [flags]"); ok {
		line = l + " " + a.t("cli.help.use_flags")
	}
	return line
}

// usage writes a command's usage (the part of --help after its
// description) in the run's language. It is cobra's default template
// written out in Go, because pflag words the flags itself in English: the
// kind of value ("string", "int"), "(default …)", and cobra's "[flags]"
// and "[command]" in the usage lines.
func (a *app) usage(c *cobra.Command) error {
	var b strings.Builder
	b.WriteString(a.t("cli.help.usage"))
	if c.Runnable() {
		b.WriteString("\n  " + a.useLine(c))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " " + a.t("cli.help.use_command") + "\n\n" + a.t("cli.help.commands"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + a.t("cli.help.flags") + "\n" + a.flagUsages(c.LocalFlags()))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + a.t("cli.help.global_flags") + "\n" + a.flagUsages(c.InheritedFlags()))
	}
	b.WriteString("\n")
	_, err := io.WriteString(c.OutOrStderr(), b.String())
	return err
}

// flagUsages lists flags as pflag's FlagUsages does — one a line, the
// descriptions aligned (in terminal cells) — with the value's kind and the
// default said by the catalog.
func (a *app) flagUsages(fs *pflag.FlagSet) string {
	type row struct{ name, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			name = "  -" + f.Shorthand + ", --" + f.Name
		}
		kind, usage := pflag.UnquoteUsage(f)
		if kind != "" {
			if i18n.Has("cli.help.kind." + kind) {
				kind = a.t("cli.help.kind." + kind)
			}
			name += " " + kind
		}
		if def, ok := flagDefault(f); ok {
			usage += a.t("cli.help.default", def)
		}
		rows = append(rows, row{name, usage})
		width = max(width, cellWidth(name))
	})
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = r.name + strings.Repeat(" ", width-cellWidth(r.name)+3) + r.usage
	}
	return strings.Join(lines, "\n")
}

// flagDefault is the default a flag's help names, as pflag shows it (a
// string quoted), and whether it has one worth naming: not the zero value.
func flagDefault(f *pflag.Flag) (string, bool) {
	switch f.DefValue {
	case "", "0", "false", "[]", "<nil>":
		return "", false
	}
	if f.Value.Type() == "string" {
		return strconv.Quote(f.DefValue), true
	}
	return f.DefValue, true
}

// completionCmd adds cobra's completion command (bash, zsh, fish,
// powershell) now rather than at Execute, so its help can be translated.
func (a *app) completionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = a.t("cli.short.completion")
		c.Long = a.t("cli.long.completion")
		// A shell cobra has no script for ("tcsh") or none at all is bad
		// usage naming the shells, not the help and exit 0.
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(c *cobra.Command, args []string) error {
			var shells []string
			for _, sh := range c.Commands() {
				shells = append(shells, sh.Name())
			}
			if len(args) == 0 {
				return &usageError{key: "cli.usage.missing_sub", args: []any{cmdName(c)}}
			}
			return &usageError{key: "cli.usage.completion_shell", args: []any{args[0], strings.Join(shells, ", ")}}
		}
		for _, sh := range c.Commands() {
			sh.Short = a.t("cli.short.completion_shell", sh.Name())
			sh.Long = sh.Short
			if f := sh.Flags().Lookup("no-descriptions"); f != nil {
				f.Usage = a.t("cli.flag.no_descriptions")
			}
		}
	}
}
