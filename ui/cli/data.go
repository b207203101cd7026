package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"salesplan/demo"
	"salesplan/model"
	"salesplan/storage"
)

// csvKinds are the record kinds `export --format csv` writes, one per file.
var csvKinds = []string{"clients", "tasks", "journal", "promises", "projects"}

func (a *app) exportCmd() *cobra.Command {
	var format, out, kind string
	c := &cobra.Command{
		Use:   "export [--format json|csv|ics] [-o FILE]",
		Short: a.t("cli.short.export"),
		Args: func(c *cobra.Command, args []string) error {
			if err := noArgs(c, args); err != nil {
				return err
			}
			if c.Flags().Changed("output") {
				return notEmptyPath("-o/--output", out)
			}
			return nil
		},
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		var buf bytes.Buffer
		var err error
		switch format {
		case "json":
			err = st.ExportJSON(&buf)
		case "csv":
			if !slices.Contains(csvKinds, kind) {
				return badUsage("cli.err.bad_kind", kind, strings.Join(csvKinds, ", "))
			}
			err = st.ExportCSV(&buf, kind)
		case "ics":
			err = st.ExportICSWith(&buf, a.today, storage.ICSLabels{
				// The labels are formats: pass the verbs through the catalog.
				Bid: a.t("cli.ics.bid", "%s"), Promise: a.t("cli.ics.promise", "%s", "%s")})
		default:
			return badUsage("cli.err.bad_format", format, "json, csv, ics")
		}
		if err != nil {
			return failWith(err, "cli.err.export")
		}
		if out == "" || out == "-" {
			_, err := a.stdout.Write(buf.Bytes())
			return err
		}
		if err := st.WriteOutput(out, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
			if errors.Is(err, storage.ErrUnsafeTarget) {
				return err // the refusal says it all, naming the file
			}
			return failWith(err, "cli.err.write_file", out)
		}
		a.say("cli.export.done", out)
		return nil
	})
	c.Flags().StringVar(&format, "format", "json", a.t("cli.flag.format"))
	c.Flags().StringVarP(&out, "output", "o", "", a.t("cli.flag.output"))
	c.Flags().StringVar(&kind, "kind", "clients", a.t("cli.flag.kind"))
	return c
}

func (a *app) importCmd() *cobra.Command {
	var merge, dryRun bool
	var format, kind string
	c := &cobra.Command{
		Use:   "import FILE [--merge] | import --format csv --kind clients [--dry-run] FILE",
		Short: a.t("cli.short.import"),
		Args:  fileArg,
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		switch format {
		case "json":
			if dryRun {
				// Not silently ignored: that would import what the
				// person asked only to see.
				return &usageError{key: "cli.usage.dry_run_json"}
			}
		case "csv":
			if kind != "clients" {
				return badUsage("cli.err.bad_kind", kind, "clients")
			}
		default:
			return badUsage("cli.err.bad_format", format, "json, csv")
		}
		var f io.Reader = a.stdin // "-" reads standard input
		if args[0] != "-" {
			file, err := storage.OpenImportFile(args[0]) // a FIFO is refused, not waited on
			var ve *storage.ValidationError
			if errors.As(err, &ve) {
				return failWith(err, "cli.err.import", args[0])
			}
			if err != nil {
				return failWith(err, "cli.err.read_file", args[0])
			}
			defer file.Close()
			f = file
		}
		if format == "csv" {
			return a.importClientsCSV(st, f, args[0], dryRun)
		}
		if err := st.ImportJSONOn(f, merge, a.today); err != nil {
			if errors.Is(err, storage.ErrNotEmpty) {
				return fail("cli.err.import_not_empty", args[0])
			}
			return failWith(err, "cli.err.import", args[0])
		}
		a.wrote = true
		a.say("cli.import.done", args[0])
		if merge {
			// The undo log's before-images describe the database before
			// the merge; it is emptied rather than left to undo wrongly.
			a.say("cli.import.undo_cleared")
		}
		return nil
	})
	c.Flags().BoolVar(&merge, "merge", false, a.t("cli.flag.merge"))
	c.Flags().StringVar(&format, "format", "json", a.t("cli.flag.import_format"))
	c.Flags().StringVar(&kind, "kind", "clients", a.t("cli.flag.import_kind"))
	c.Flags().BoolVar(&dryRun, "dry-run", false, a.t("cli.flag.dry_run"))
	return c
}

// importClientsCSV adds the clients of a CSV file whose names are new, or
// with dryRun only says which it would add.
func (a *app) importClientsCSV(st *storage.Store, r io.Reader, name string, dryRun bool) error {
	rep, err := st.ImportClientsCSVOn(r, dryRun, a.today)
	if err != nil {
		return failWith(err, "cli.err.import", name)
	}
	if !dryRun {
		a.wrote = len(rep.Added) > 0
	}
	if len(rep.Ignored) > 0 {
		names := make([]string, len(rep.Ignored))
		for i, h := range rep.Ignored {
			names[i] = clean(h)
		}
		a.say("cli.csv.ignored", strings.Join(names, ", "))
	}
	for _, row := range rep.Added {
		key := "cli.csv.added"
		if dryRun {
			key = "cli.csv.would_add"
		}
		a.say(key, row.Line, clean(row.Name))
	}
	for _, row := range rep.Skipped {
		a.say("cli.csv.skipped", row.Line, clean(row.Name))
	}
	if dryRun {
		a.say("cli.csv.dry_total", a.n("cli.csv.clients", len(rep.Added), len(rep.Added)), len(rep.Skipped))
	} else {
		a.say("cli.csv.total", a.n("cli.csv.clients", len(rep.Added), len(rep.Added)), len(rep.Skipped))
	}
	return nil
}

func (a *app) backupCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "backup FILE",
		Short: a.t("cli.short.backup"),
		Args:  fileArg,
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		if err := st.Backup(args[0]); err != nil {
			if errors.Is(err, storage.ErrUnsafeTarget) {
				return err // the refusal says it all, naming the file
			}
			return failWith(err, "cli.err.backup", args[0])
		}
		a.say("cli.backup.done", args[0])
		return nil
	})
	return c
}

func (a *app) backupsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "backups",
		Short: a.t("cli.short.backups"),
		Args:  noArgs,
	}
	c.RunE = a.runRescue(true, func(_ *storage.Store, path string, _ []string) error {
		list, err := storage.BackupsOf(path)
		if err != nil {
			return failWith(err, "cli.err.backups")
		}
		if asJSON {
			out := []jsonBackup{}
			for _, b := range list {
				out = append(out, jsonBackup{Path: b.Path, Kind: b.Kind, Day: b.Day,
					Modified: b.ModTime.Format(time.RFC3339), Size: b.Size})
			}
			return a.writeJSON(out)
		}
		if len(list) == 0 {
			a.say("cli.backups.none", storage.BackupDir(path))
			return nil
		}
		tb := table{right: []bool{false, false, true}}
		tb.add(a.t("cli.col.when"), a.t("cli.col.kind"), a.t("cli.col.size"), a.t("cli.col.file"))
		for _, b := range list {
			tb.add(b.ModTime.In(time.Local).Format("2006-01-02 15:04"), a.t("cli.backup_kind."+b.Kind),
				fmtSize(b.Size), clean(b.Path))
		}
		tb.write(a.stdout, "")
		return nil
	})
	c.Flags().BoolVar(&asJSON, "json", false, a.t("cli.flag.json"))
	return c
}

// jsonBackup is one backup in `backups --json`.
type jsonBackup struct {
	Path     string     `json:"path"`
	Kind     string     `json:"kind"` // auto, before-restore or manual
	Day      model.Date `json:"day"`  // of an automatic backup, else null
	Modified string     `json:"modified"`
	Size     int64      `json:"size"`
}

// fmtSize writes a file size in KiB or MiB.
func fmtSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1023)/1024)
}

func (a *app) restoreCmd() *cobra.Command {
	var yes bool
	c := &cobra.Command{
		Use:   "restore FILE [--yes]",
		Short: a.t("cli.short.restore"),
		Args:  fileArg,
	}
	c.RunE = a.runRescue(false, func(st *storage.Store, path string, args []string) error {
		if _, err := os.Stat(args[0]); err != nil {
			return failWith(err, "cli.err.read_file", args[0])
		}
		if !yes && !a.confirm(a.t("cli.restore.confirm", path, args[0])) {
			return fail("cli.err.restore_declined")
		}
		// A database too damaged to open is replaced through RestoreFile,
		// which needs no open Store (and keeps the damaged file too).
		var err error
		if st != nil {
			err = st.Restore(args[0])
		} else {
			err = storage.RestoreFile(path, args[0], storage.Options{LockTimeout: a.lockTimeout})
		}
		if err != nil {
			return failWith(err, "cli.err.restore", args[0])
		}
		a.say("cli.restore.done", args[0], storage.BackupDir(path))
		return nil
	})
	c.Flags().BoolVar(&yes, "yes", false, a.t("cli.flag.yes"))
	return c
}

// confirm asks a yes/no question on stderr and reads the answer from
// stdin; anything but yes (or no input at all) is no.
func (a *app) confirm(question string) bool {
	fmt.Fprint(a.stderr, clean(question)+" ")
	line, _ := bufio.NewReader(a.stdin).ReadString('\n')
	fmt.Fprintln(a.stderr)
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "是", "是的", "好":
		return true
	}
	return false
}

func (a *app) checkCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "check",
		Short: a.t("cli.short.check"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		problems, err := st.Check()
		if err != nil {
			return failWith(err, "cli.err.check")
		}
		for _, p := range problems {
			fmt.Fprintln(a.stdout, clean(p))
		}
		if len(problems) > 0 {
			return failN("cli.err.check_found", len(problems), len(problems))
		}
		a.say("cli.check.ok")
		return nil
	})
	return c
}

func (a *app) demoCmd() *cobra.Command {
	var scale int
	var neglected bool
	c := &cobra.Command{
		Use:   "demo [--scale N]",
		Short: a.t("cli.short.demo"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		if a.demo {
			// --demo already filled a throwaway database.
			a.say("cli.demo.done", st.Path())
			return nil
		}
		if scale < 0 || scale > demo.MaxScale {
			return badUsage("cli.err.bad_scale", scale, demo.MaxScale)
		}
		if neglected && scale == 0 {
			return &usageError{key: "cli.usage.neglected"}
		}
		a.neglected = neglected
		if err := a.writeDemo(scale); err != nil {
			return err
		}
		a.wrote = true
		a.say("cli.demo.done", st.Path())
		return nil
	})
	c.Flags().IntVar(&scale, "scale", 0, a.t("cli.flag.scale"))
	c.Flags().BoolVar(&neglected, "neglected", false, a.t("cli.flag.neglected"))
	return c
}

// writeDemo fills the (empty) store with the demo data set: a believable
// month (scale 0), or N times ten years of heavy use for benchmarks.
func (a *app) writeDemo(scale int) error {
	var err error
	if scale == 0 {
		err = demo.Write(a.st, a.today)
	} else if a.neglected {
		err = demo.WriteNeglected(a.st, a.today, scale)
	} else {
		err = demo.WriteScaled(a.st, a.today, scale)
	}
	if err != nil {
		if errors.Is(err, storage.ErrNotEmpty) {
			return fail("cli.err.demo_not_empty", a.st.Path())
		}
		return failWith(err, "cli.err.demo")
	}
	return nil
}
