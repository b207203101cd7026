package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"salesplan/demo"
	"salesplan/storage"
)

func (a *app) exportCmd() *cobra.Command {
	var format, out string
	c := &cobra.Command{
		Use:   "export",
		Short: a.t("cli.short.export"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		if format != "json" {
			return fail("cli.err.bad_format", format, "json")
		}
		var buf bytes.Buffer
		if err := st.ExportJSON(&buf); err != nil {
			return failWith(err, "cli.err.export")
		}
		if out == "" || out == "-" {
			_, err := a.stdout.Write(buf.Bytes())
			return err
		}
		if err := writeFileAtomic(out, buf.Bytes()); err != nil {
			return failWith(err, "cli.err.write_file", out)
		}
		a.say("cli.export.done", out)
		return nil
	})
	c.Flags().StringVar(&format, "format", "json", a.t("cli.flag.format"))
	c.Flags().StringVarP(&out, "output", "o", "", a.t("cli.flag.output"))
	return c
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory and a rename, so a reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("create temp file: %w", err)
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("sync %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("rename to %s: %w", path, err)
	}
	return nil
}

func (a *app) importCmd() *cobra.Command {
	var merge bool
	c := &cobra.Command{
		Use:   "import FILE",
		Short: a.t("cli.short.import"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		f, err := os.Open(args[0])
		if err != nil {
			return failWith(err, "cli.err.read_file", args[0])
		}
		defer f.Close()
		if err := st.ImportJSON(f, merge); err != nil {
			if errors.Is(err, storage.ErrNotEmpty) {
				return fail("cli.err.import_not_empty", args[0])
			}
			return failWith(err, "cli.err.import", args[0])
		}
		a.wrote = true
		a.say("cli.import.done", args[0])
		return nil
	})
	c.Flags().BoolVar(&merge, "merge", false, a.t("cli.flag.merge"))
	return c
}

func (a *app) backupCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "backup FILE",
		Short: a.t("cli.short.backup"),
		Args:  exactArgs(1),
	}
	c.RunE = a.run(func(st *storage.Store, args []string) error {
		if err := st.Backup(args[0]); err != nil {
			return failWith(err, "cli.err.backup", args[0])
		}
		a.say("cli.backup.done", args[0])
		return nil
	})
	return c
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
			return fail("cli.err.check_found", len(problems))
		}
		a.say("cli.check.ok")
		return nil
	})
	return c
}

func (a *app) demoCmd() *cobra.Command {
	var scale int
	c := &cobra.Command{
		Use:   "demo",
		Short: a.t("cli.short.demo"),
		Args:  noArgs,
	}
	c.RunE = a.run(func(st *storage.Store, _ []string) error {
		if a.demo {
			// --demo already filled a throwaway database.
			a.say("cli.demo.done", st.Path())
			return nil
		}
		if scale < 1 || scale > 1000 {
			return fail("cli.err.bad_scale", scale)
		}
		if err := a.writeDemo(scale); err != nil {
			return err
		}
		a.wrote = true
		a.say("cli.demo.done", st.Path())
		return nil
	})
	c.Flags().IntVar(&scale, "scale", 1, a.t("cli.flag.scale"))
	return c
}

// writeDemo fills the (empty) store with the demo data set.
func (a *app) writeDemo(scale int) error {
	if err := demo.WriteScaled(a.st, a.today, scale); err != nil {
		if errors.Is(err, storage.ErrNotEmpty) {
			return fail("cli.err.demo_not_empty", a.st.Path())
		}
		return failWith(err, "cli.err.demo")
	}
	return nil
}
