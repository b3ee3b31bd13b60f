package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"

	"jiceng/calendar"
	"jiceng/check"
	"jiceng/coverage"
	"jiceng/spreadsheet"
)

// exportCoverage serves GET /export/coverage.xlsx?areaId=…&asOf=…: the
// official coverage table of an area (the whole register when areaId is
// left out) and of each area below it, members by category, and every gap
// with its remedy, as an Excel workbook for the reports that go upward.
func exportCoverage(engine *coverage.Engine, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		var areaID *int
		if s := r.URL.Query().Get("areaId"); s != "" {
			id, err := strconv.Atoi(s)
			if err != nil {
				badRequest(w, "areaId", "is not an ID")
				return
			}
			areaID = &id
		}
		asOf := calendar.Today()
		if s := r.URL.Query().Get("asOf"); s != "" {
			d, err := check.ParseDate(s)
			if err != nil {
				badRequest(w, "asOf", err.Error())
				return
			}
			asOf = d
		}
		rep, err := engine.Coverage(ctx, areaID, &asOf, 1)
		var noArea *coverage.NotFoundError
		if errors.As(err, &noArea) {
			badRequest(w, "areaId", noArea.Error())
			return
		}
		var gaps *coverage.GapConnection
		if err == nil {
			gaps, err = engine.Gaps(ctx, coverage.GapFilter{AreaID: areaID, AsOf: &asOf, First: 1 << 30})
		}
		if err != nil {
			logger.ErrorContext(ctx, "exporting coverage", "err", err)
			http.Error(w, "could not export; try again", http.StatusInternalServerError)
			return
		}
		book, err := spreadsheet.Coverage(rep, gaps.Nodes())
		if err != nil {
			logger.ErrorContext(ctx, "writing the workbook", "err", err)
			http.Error(w, "could not export; try again", http.StatusInternalServerError)
			return
		}
		name := "全部"
		if rep.Area != nil {
			name = rep.Area.Name
		}
		file := fmt.Sprintf("%s基层党组织覆盖情况%s.xlsx", name, asOf.Format("20060102"))
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="coverage-%s.xlsx"; filename*=UTF-8''%s`,
			asOf.Format("2006-01-02"), url.PathEscape(file)))
		w.Header().Set("Cache-Control", "no-store")
		if err := book.Write(w); err != nil {
			logger.ErrorContext(ctx, "sending the workbook", "err", err)
		}
	})
}

func badRequest(w http.ResponseWriter, field, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	fmt.Fprintf(w, `{"error":{"code":"BAD_USER_INPUT","field":%q,"message":%q}}`, field, field+": "+message)
}
