package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"path/filepath"
	"sync"
	"time"

	"jiceng/audit"
	"jiceng/calendar"
	"jiceng/database"
	"jiceng/ent/auditentry"
	"jiceng/geo"
	"jiceng/httperr"
	"jiceng/ledger"
	"jiceng/policy"
	"jiceng/viewer"
)

// maxLedger is the largest ledger file an upload takes: 10,000 members
// are about 1 MiB of xlsx.
const maxLedger = 32 << 20

// keepJobs is how long a finished import's report can be fetched.
const keepJobs = 30 * time.Minute

// importJob is an import running or done, polled by the one who started it.
type importJob struct {
	owner string
	mu    sync.Mutex
	state importState
}

type importState struct {
	ID     string         `json:"id"`
	File   string         `json:"file"`
	DryRun bool           `json:"dryRun"`
	Done   int            `json:"done"`
	Total  int            `json:"total"`
	Status string         `json:"status"` // RUNNING, DONE or FAILED
	Error  string         `json:"error,omitempty"`
	Result *ledger.Result `json:"result,omitempty"`
	ended  time.Time
}

// imports holds the jobs of a server.
type imports struct {
	store  *database.Store
	logger *slog.Logger
	mu     sync.Mutex
	jobs   map[string]*importJob
}

func newImports(store *database.Store, logger *slog.Logger) *imports {
	return &imports{store: store, logger: logger, jobs: map[string]*importJob{}}
}

func ownerOf(v *viewer.Viewer) string { return fmt.Sprintf("%d/%d/%s", v.UserID, v.TokenID, v.Name) }

// mayImport answers 403 for a viewer who may not write.
func mayImport(w http.ResponseWriter, r *http.Request) (*viewer.Viewer, bool) {
	v := viewer.FromContext(r.Context())
	if !v.CanWrite() {
		forbidden(w, r, "ROLE", "只有管理员和编辑可以导入台账", "only administrators and editors may import a ledger")
		return nil, false
	}
	return v, true
}

// template serves GET /import/template.xlsx.
func (im *imports) template(w http.ResponseWriter, r *http.Request) {
	if _, ok := mayImport(w, r); !ok {
		return
	}
	book, err := ledger.Template()
	if err != nil {
		im.logger.ErrorContext(r.Context(), "writing the ledger template", "err", err)
		serverError(w, r, "模板未能生成，请重试", "could not write the template; try again")
		return
	}
	sendWorkbook(w, "ledger-template.xlsx", "基层党组织台账导入模板.xlsx")
	if err := book.Write(w); err != nil {
		im.logger.ErrorContext(r.Context(), "sending the template", "err", err)
	}
}

// exportRegister serves GET /export/register.xlsx: the whole register in
// the template's form, for an administrator.
func (im *imports) exportRegister(w http.ResponseWriter, r *http.Request) {
	if v := viewer.FromContext(r.Context()); v.Role != viewer.Admin {
		forbidden(w, r, "ROLE", "只有管理员可以导出整个台账", "only administrators may export the whole register")
		return
	}
	book, err := ledger.Export(r.Context(), im.store.Client)
	if err != nil {
		im.logger.ErrorContext(r.Context(), "exporting the register", "err", err)
		serverError(w, r, "导出未能完成，请重试", "could not export; try again")
		return
	}
	// The workbook holds every member's personal data unmasked: each is
	// entered in the audit log as read, as the API does.
	ids, err := im.store.Client.Member.Query().IDs(policy.System(r.Context()))
	if err == nil {
		entries := make([]audit.Entry, len(ids))
		for i, id := range ids {
			entries[i] = audit.Entry{Action: auditentry.ActionREAD_PERSONAL, EntityType: "Member", EntityID: id, Detail: "导出全部台账"}
		}
		err = audit.RecordAll(r.Context(), im.store.Client, entries)
	}
	if err != nil {
		im.logger.ErrorContext(r.Context(), "recording the export's reads of personal data", "err", err)
		serverError(w, r, "导出未能完成，请重试", "could not export; try again")
		return
	}
	day := calendar.Today().Format("20060102")
	sendWorkbook(w, "register-"+day+".xlsx", "基层党组织台账"+day+".xlsx")
	if err := book.Write(w); err != nil {
		im.logger.ErrorContext(r.Context(), "sending the register", "err", err)
	}
}

func sendWorkbook(w http.ResponseWriter, ascii, name string) {
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename=%q; filename*=UTF-8''%s`, ascii, url.PathEscape(name)))
	w.Header().Set("Cache-Control", "no-store")
}

// start serves POST /import?dryRun=true: the ledger is the body, or the
// "file" part of a multipart form. The import runs on; the answer is its
// job, polled at GET /import/jobs/{id} until its status is DONE or FAILED.
func (im *imports) start(w http.ResponseWriter, r *http.Request) {
	v, ok := mayImport(w, r)
	if !ok {
		return
	}
	name, data, err := uploaded(r)
	if err != nil {
		badRequest(w, r, "file", err.Error(), err.Error())
		return
	}
	wb, err := ledger.Read(name, bytes.NewReader(data))
	if err != nil {
		badRequest(w, r, "file", err.Error(), err.Error())
		return
	}
	dry := r.URL.Query().Get("dryRun") == "true" || r.URL.Query().Get("dryRun") == "1"
	id := make([]byte, 12)
	_, _ = rand.Read(id)
	job := &importJob{owner: ownerOf(v), state: importState{ID: hex.EncodeToString(id), File: name, DryRun: dry,
		Total: wb.Rows(), Status: "RUNNING"}}
	im.mu.Lock()
	for k, j := range im.jobs {
		if j.finishedBefore(time.Now().Add(-keepJobs)) {
			delete(im.jobs, k)
		}
	}
	im.jobs[job.state.ID] = job
	im.mu.Unlock()
	// The import outlives the request, with its viewer.
	ctx, cancel := context.WithTimeout(viewer.NewContext(context.WithoutCancel(r.Context()), v), 10*time.Minute)
	go func() {
		defer cancel()
		res, err := ledger.Import(ctx, im.store.Client, wb, ledger.Options{File: name, DryRun: dry,
			Progress: func(done, total int) {
				if done%50 == 0 || done == total {
					job.mu.Lock()
					job.state.Done = done
					job.mu.Unlock()
				}
			}})
		job.mu.Lock()
		defer job.mu.Unlock()
		job.state.ended = time.Now()
		if err != nil {
			im.logger.Error("importing a ledger", "file", name, "err", err)
			job.state.Status, job.state.Error = "FAILED", "导入未能完成，台账没有任何改动；请稍后再试"
			return
		}
		job.state.Status, job.state.Result, job.state.Done = "DONE", res, job.state.Total
	}()
	writeJSONStatus(w, http.StatusAccepted, job.snapshot())
}

// grids serves POST /ledger/grids?dryRun=true&crs=GCJ02&property=网格: grid
// boundaries from a GeoJSON FeatureCollection, answered at once with every
// feature's boundary in WGS-84 for the map's preview.
func (im *imports) grids(w http.ResponseWriter, r *http.Request) {
	v, ok := mayImport(w, r)
	if !ok {
		return
	}
	name, data, err := uploaded(r)
	if err != nil {
		badRequest(w, r, "file", err.Error(), err.Error())
		return
	}
	q := r.URL.Query()
	var crs geo.CRS
	if s := q.Get("crs"); s != "" {
		if crs, err = ledger.ParseCRS(s); err != nil {
			badRequest(w, r, "crs", err.Error(), err.Error())
			return
		}
	}
	res, err := ledger.ImportGrids(viewer.NewContext(r.Context(), v), im.store.Client, data, ledger.GridOptions{
		File: name, Property: q.Get("property"), CRS: crs, DryRun: q.Get("dryRun") == "true" || q.Get("dryRun") == "1"})
	var bad *ledger.BadFile
	switch {
	case errors.As(err, &bad):
		badRequest(w, r, "file", bad.Message, bad.Message)
		return
	case err != nil:
		im.logger.ErrorContext(r.Context(), "importing grid boundaries", "file", name, "err", err)
		serverError(w, r, "导入未能完成，台账没有任何改动；请重试", "could not import; nothing was written; try again")
		return
	}
	writeJSONStatus(w, http.StatusOK, res)
}

// poll serves GET /import/jobs/{id}.
func (im *imports) poll(w http.ResponseWriter, r *http.Request) {
	v, ok := mayImport(w, r)
	if !ok {
		return
	}
	im.mu.Lock()
	job := im.jobs[r.PathValue("id")]
	im.mu.Unlock()
	if job == nil || job.owner != ownerOf(v) {
		httperr.Write(w, r, httperr.New(http.StatusNotFound, "NOT_FOUND", "", "NO_SUCH_IMPORT", "找不到这次导入", "no such import"))
		return
	}
	writeJSONStatus(w, http.StatusOK, job.snapshot())
}

func (j *importJob) snapshot() importState {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.state
}

func (j *importJob) finishedBefore(t time.Time) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.state.Status != "RUNNING" && j.state.ended.Before(t)
}

func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// uploaded reads the ledger a request sends: the "file" part of a
// multipart form, or the body with its name in ?file=.
func uploaded(r *http.Request) (string, []byte, error) {
	r.Body = http.MaxBytesReader(nil, r.Body, maxLedger)
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "multipart/form-data" {
		f, h, err := r.FormFile("file")
		if err != nil {
			return "", nil, fmt.Errorf("请以表单的 file 部分上传台账（至多 %d MiB）", maxLedger>>20)
		}
		defer f.Close()
		data, err := io.ReadAll(f)
		return filepath.Base(h.Filename), data, err
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return "", nil, fmt.Errorf("台账文件大于 %d MiB，或无法读取", maxLedger>>20)
	}
	name := filepath.Base(r.URL.Query().Get("file"))
	if name == "." || name == "/" {
		name = "台账.xlsx"
	}
	return name, data, nil
}
