package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"jiceng/auth"
	"jiceng/geo"
	"jiceng/ledger"
	"jiceng/viewer"
)

const importUsage = `usage:
  jiceng import template FILE.xlsx
  jiceng import [--data DIR | --db DSN] [--user NAME] [--dry-run] FILE.xlsx|FILE.csv
  jiceng import grids [--data DIR | --db DSN] [--user NAME] [--dry-run] [--property NAME] [--crs WGS84|GCJ02|BD09] FILE.geojson
The template has a sheet per record type of a ledger (台账) and a notes sheet.
An import checks every row, reports every problem by sheet, row and column,
and writes nothing unless every row passes; --dry-run only reports. The writes
are audited as made by --user (an ADMIN, or an EDITOR within their areas), or
by "jiceng import" with an administrator's rights when no user is given.`

// commandViewer names the writes of a command that acts for nobody in particular.
const commandViewer = "jiceng import"

func importCommand(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "template" {
		if len(args) != 2 {
			return errors.New(importUsage)
		}
		book, err := ledger.Template()
		if err != nil {
			return err
		}
		if err := book.SaveAs(args[1]); err != nil {
			return fmt.Errorf("writing %s: %w", args[1], err)
		}
		fmt.Fprintf(e.stdout, "Wrote the ledger template to %s.\n", args[1])
		return nil
	}
	grids := len(args) > 0 && args[0] == "grids"
	if grids {
		args = args[1:]
	}
	fs := newFlags("import", e)
	open := storeFlags(fs, e)
	dryRun := fs.Bool("dry-run", false, "check every row and write nothing")
	username := fs.String("user", "", "the user the import is made by, for the policies and the audit log")
	property := fs.String("property", "", "grids: the feature property naming the grid (default 网格, 网格名称 or name)")
	crsName := fs.String("crs", "", "grids: WGS84, GCJ02 (AMap, Tencent) or BD09 (Baidu); default the file's own crs, else WGS84")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New(importUsage)
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var wb *ledger.Workbook
	if !grids {
		if wb, err = ledger.Read(path, bytes.NewReader(data)); err != nil {
			return err
		}
	}
	st, err := open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	v := &viewer.Viewer{Name: commandViewer, Role: viewer.Admin, Address: "command line"}
	if *username != "" {
		if v, err = auth.NewAccounts(st.Client).ViewerNamed(ctx, *username, "command line"); err != nil {
			return err
		}
	}
	if grids {
		crs := geo.CRS("")
		if *crsName != "" {
			if crs, err = ledger.ParseCRS(*crsName); err != nil {
				return err
			}
		}
		res, err := ledger.ImportGrids(viewer.NewContext(ctx, v), st.Client, data, ledger.GridOptions{
			File: filepath.Base(path), Property: *property, CRS: crs, DryRun: *dryRun})
		if err != nil {
			return err
		}
		return printGrids(e, res)
	}
	res, err := ledger.Import(viewer.NewContext(ctx, v), st.Client, wb, ledger.Options{
		File: filepath.Base(path), DryRun: *dryRun,
		Progress: func(done, total int) {
			if done%1000 == 0 {
				fmt.Fprintf(e.stderr, "%d of %d rows…\n", done, total)
			}
		},
	})
	if err != nil {
		return err
	}
	return printImport(e, res)
}

// printImport writes an import's report: every problem, then the counts.
func printImport(e *env, res *ledger.Result) error {
	if len(res.Problems) > 0 {
		w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "工作表\t行\t列\t值\t问题")
		for _, p := range res.Problems {
			fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\n", p.Sheet, p.Row, p.Column, p.Value, p.Message)
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	for _, s := range res.Unknown {
		fmt.Fprintf(e.stdout, "Sheet %s is not a sheet of the template; it was not read.\n", s)
	}
	verb := "Created %d, updated %d, left %d as they were"
	switch {
	case res.DryRun:
		verb = "Would create %d, update %d, leave %d as they are"
	case !res.Written:
		verb = "Nothing written: the rows would create %d, update %d, leave %d as they are"
	}
	fmt.Fprintf(e.stdout, verb+"; %d rows with problems.\n", res.Created, res.Updated, res.Unchanged, res.Failed)
	if res.Failed > 0 {
		return fmt.Errorf("%d of %d rows have problems; fix them and import again", res.Failed, len(res.Rows))
	}
	return nil
}

// printGrids writes an import of grid boundaries: every problem, then the counts.
func printGrids(e *env, res *ledger.GridResult) error {
	for _, f := range res.Features {
		if f.Problem != "" {
			fmt.Fprintf(e.stdout, "要素 %d（%s）：%s\n", f.Index, f.Name, f.Problem)
		}
	}
	verb := "Set %d grid boundaries, left %d as they were (positions in %s)"
	switch {
	case res.DryRun:
		verb = "Would set %d grid boundaries, leave %d as they are (positions in %s)"
	case !res.Written:
		verb = "Nothing written: the features would set %d boundaries, leave %d as they are (positions in %s)"
	}
	fmt.Fprintf(e.stdout, verb+"; %d features with problems.\n", res.Updated, res.Same, res.CRS, res.Failed)
	if res.Failed > 0 {
		return fmt.Errorf("%d of %d features have problems; fix them and import again", res.Failed, len(res.Features))
	}
	return nil
}

const exportUsage = `usage:
  jiceng export register [--data DIR | --db DSN] FILE.xlsx
writes the register in the ledger template's form (jiceng import reads it
back), personal data unmasked: keep the file as safe as the register.`

func exportCommand(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "register" {
		return errors.New(exportUsage)
	}
	fs := newFlags("export register", e)
	open := storeFlags(fs, e)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New(exportUsage)
	}
	st, err := open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	book, err := ledger.Export(ctx, st.Client)
	if err != nil {
		return err
	}
	if err := book.SaveAs(fs.Arg(0)); err != nil {
		return fmt.Errorf("writing %s: %w", fs.Arg(0), err)
	}
	fmt.Fprintf(e.stdout, "Wrote the register to %s.\n", fs.Arg(0))
	return nil
}
