package ledger

import (
	"context"
	"errors"
	"fmt"
	"time"

	entgo "entgo.io/ent"

	"jiceng/audit"
	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/policy"
	"jiceng/register"
)

// Options of an import.
type Options struct {
	// File is the name of the file read: the reason of every dated change
	// ("导入 FILE") and the detail of every audit entry.
	File string
	// DryRun checks every row and writes nothing.
	DryRun bool
	// Progress, when set, is told after every row how many of all are done.
	Progress func(done, total int)
}

// Action is what the import did, or would do, with a row.
type Action string

// The actions.
const (
	Created   Action = "CREATED"
	Updated   Action = "UPDATED"
	Unchanged Action = "UNCHANGED"
	Failed    Action = "FAILED"
)

// Problem is what is wrong with a row: where (sheet, row, column as the
// ledger heads it, the value written) and why, in Chinese.
type Problem struct {
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Value   string `json:"value"`
	Message string `json:"message"`
	// Reason is the register's stable name of the rule broken, when it has one.
	Reason string `json:"reason,omitempty"`
}

// Outcome is what became of a row.
type Outcome struct {
	Sheet  string `json:"sheet"`
	Row    int    `json:"row"`
	Name   string `json:"name"`
	Action Action `json:"action"`
	// Changed are the columns an update changes.
	Changed []string `json:"changed,omitempty"`
}

// Result is the report of an import.
type Result struct {
	File     string    `json:"file"`
	DryRun   bool      `json:"dryRun"`
	Written  bool      `json:"written"`
	Rows     []Outcome `json:"rows"`
	Problems []Problem `json:"problems"`
	// Counts by action.
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Failed    int `json:"failed"`
	// Unknown sheets that were not read.
	Unknown []string `json:"unknownSheets,omitempty"`
}

// Import writes the workbook's rows to the register as the context's
// viewer, in one transaction: every row is checked by the register's hooks
// (each in a savepoint of its own, so one row's failure does not hide the
// next's), every problem is reported, and the transaction commits only when
// no row failed and this is not a dry run. A row matches the record it
// describes by natural key; a record that matches is updated in the
// columns that differ, dated by the row's 变更日期 or today, and left as is
// when nothing differs. Empty cells leave a record's values as they are.
func Import(ctx context.Context, client *ent.Client, wb *Workbook, opts Options) (*Result, error) {
	res := &Result{File: opts.File, DryRun: opts.DryRun, Unknown: wb.Unknown, Rows: []Outcome{}, Problems: []Problem{}}
	reason := "导入 " + opts.File
	ctx = register.Bulk(audit.WithDetail(ctx, reason))
	tx, err := client.Tx(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting the import's transaction: %w", err)
	}
	im := &importer{ctx: ctx, sys: policy.System(ctx), c: tx.Client(), res: res, reason: reason,
		total: wb.Rows(), progress: opts.Progress, today: calendar.Today()}
	err = im.load()
	for _, s := range sheets {
		if err != nil {
			break
		}
		err = im.sheet(s, wb.rows[s.name])
	}
	if err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	if res.Failed > 0 || opts.DryRun {
		if err := tx.Rollback(); err != nil {
			return nil, fmt.Errorf("rolling the import back: %w", err)
		}
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("committing the import: %w", err)
	}
	res.Written = true
	return res, nil
}

type importer struct {
	ctx, sys context.Context
	c        *ent.Client
	res      *Result
	reason   string
	today    time.Time
	done     int
	total    int
	progress func(done, total int)
	keys
}

func (im *importer) sheet(s *sheet, rows []*row) error {
	switch s.name {
	case SheetAreas:
		return im.areaRows(rows)
	case SheetOrganizations:
		return im.organizationRows(rows)
	case SheetUnits:
		return im.each(rows, im.unit)
	case SheetMembers:
		return im.each(rows, im.member)
	case SheetMemberships:
		return im.each(rows, im.membership)
	case SheetHistory:
		return im.historyRows(rows)
	}
	return im.lifeSheet(s, rows)
}

func (im *importer) each(rows []*row, do func(r *row) error) error {
	for _, r := range rows {
		if err := do(r); err != nil {
			return err
		}
	}
	return nil
}

// tick counts a row done.
func (im *importer) tick() {
	im.done++
	if im.progress != nil {
		im.progress(im.done, im.total)
	}
}

// fail records a row's problems.
func (im *importer) fail(r *row, name string, problems []Problem) {
	im.res.Problems = append(im.res.Problems, problems...)
	im.failedRow(r)
	im.res.Rows = append(im.res.Rows, Outcome{Sheet: r.sheet.name, Row: r.n, Name: name, Action: Failed})
	im.res.Failed++
}

func (im *importer) outcome(r *row, name string, a Action, changed []string) {
	im.res.Rows = append(im.res.Rows, Outcome{Sheet: r.sheet.name, Row: r.n, Name: name, Action: a, Changed: changed})
	switch a {
	case Created:
		im.res.Created++
	case Updated:
		im.res.Updated++
	case Unchanged:
		im.res.Unchanged++
	}
}

// change is one write: a create or an update of one record.
type change struct {
	m    entgo.Mutation
	save func(ctx context.Context) (any, error)
	// then runs after the save, in the same savepoint, with the record.
	then func(ctx context.Context, v any) error
}

// field is a value a row sets: the ent field and the column it came from.
type field struct {
	name  string
	key   string
	value any
}

// write saves a row: creates the record, or updates the fields of cur that
// differ from the row's, in a savepoint; a failure is rolled back to it and
// reported at the row's columns. extra reports changes made outside the
// fields (edges), and may add to the write.
func (im *importer) write(r *row, name string, day *time.Time, cur map[string]any, fields []field, w change, extra []string) (any, error) {
	defer im.tick()
	var changed []string
	for _, f := range fields {
		if f.value == nil {
			continue
		}
		if cur != nil && same(cur[f.name], f.value) {
			continue
		}
		if err := w.m.SetField(f.name, f.value); err != nil {
			return nil, fmt.Errorf("ledger: setting %s.%s: %w", w.m.Type(), f.name, err)
		}
		if c := r.sheet.column(f.key); c != nil {
			changed = append(changed, c.Header)
		}
	}
	changed = append(changed, extra...)
	if cur != nil && len(changed) == 0 {
		im.outcome(r, name, Unchanged, nil)
		return nil, nil
	}
	on := im.today
	if day != nil {
		on = *day
	}
	ctx := register.On(im.ctx, on, im.reason)
	if _, err := im.c.ExecContext(ctx, "SAVEPOINT ledger_row"); err != nil {
		return nil, fmt.Errorf("ledger: savepoint: %w", err)
	}
	v, err := w.save(ctx)
	if err == nil && w.then != nil {
		err = w.then(ctx, v)
	}
	if err != nil {
		if _, rerr := im.c.ExecContext(ctx, "ROLLBACK TO SAVEPOINT ledger_row"); rerr != nil {
			return nil, errors.Join(err, fmt.Errorf("ledger: rolling back the row: %w", rerr))
		}
		p, ok := im.problemOf(r, err)
		if !ok {
			return nil, err
		}
		im.fail(r, name, []Problem{p})
		return nil, nil
	}
	if _, err := im.c.ExecContext(ctx, "RELEASE SAVEPOINT ledger_row"); err != nil {
		return nil, fmt.Errorf("ledger: releasing the savepoint: %w", err)
	}
	if cur == nil {
		im.outcome(r, name, Created, nil)
	} else {
		im.outcome(r, name, Updated, changed)
	}
	return v, nil
}

// problemOf places a write's error at the row's column: the register's
// errors name the GraphQL field at fault, and a field's validator names
// its ent field. Any other error stops the import.
func (im *importer) problemOf(r *row, err error) (Problem, bool) {
	p := Problem{Sheet: r.sheet.name, Row: r.n}
	at := func(field string) {
		if c := r.sheet.byField(field); c != nil {
			p.Column, p.Value = c.Header, shown(c, r.cells[c.key])
		}
	}
	var verr *ent.ValidationError
	switch domain, ok := register.AsError(err); {
	case ok:
		at(domain.Field)
		if domain.Code == register.Forbidden && domain.Field == "" {
			// Who may write depends on where the record is.
			at(placedBy[r.sheet.name])
		}
		p.Reason = domain.Reason
		p.Message = domain.Zh
		if p.Message == "" {
			p.Message = zhOfCode(domain.Code) + "：" + domain.Message
		}
	case errors.As(err, &verr):
		at(lowerCamel(verr.Name))
		p.Message = "取值不符合要求：" + errors.Unwrap(verr).Error()
	case ent.IsConstraintError(err):
		p.Message = "与系统中已有的记录冲突（如统一社会信用代码重复）"
	default:
		return p, false
	}
	return p, true
}

// placedBy is the column that places a sheet's records in an area.
var placedBy = map[string]string{SheetAreas: "name", SheetOrganizations: "areaIDs", SheetUnits: "gridID",
	SheetMembers: "residenceGridID", SheetMemberships: "organizationID"}

func zhOfCode(c register.Code) string {
	switch c {
	case register.Forbidden:
		return "无权修改（编辑只能修改所负责区域内的记录）"
	case register.Conflict:
		return "与系统中已有的记录冲突"
	case register.NotFound:
		return "引用的记录不存在"
	}
	return "不符合台账规则"
}

// lowerCamel turns an ent field name (credit_code) into its GraphQL name.
func lowerCamel(s string) string {
	out := make([]byte, 0, len(s))
	up := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '_':
			up = true
		case up && s[i] >= 'a' && s[i] <= 'z':
			out = append(out, s[i]-'a'+'A')
			up = false
		default:
			out = append(out, s[i])
			up = false
		}
	}
	return string(out)
}

// same reports whether a record's value equals the row's.
func same(cur, want any) bool { return valueText(cur) == valueText(want) }

func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case *time.Time:
		if x == nil {
			return ""
		}
		return x.UTC().Format(time.DateOnly)
	case time.Time:
		return x.UTC().Format(time.DateOnly)
	case *string:
		if x == nil {
			return ""
		}
		return *x
	case *int:
		if x == nil {
			return ""
		}
		return fmt.Sprint(*x)
	}
	return fmt.Sprint(deref(v))
}
