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
				badRequest(w, r, "areaId", "区域：不是有效的编号", "areaId: is not an ID")
				return
			}
			areaID = &id
		}
		asOf := calendar.Today()
		if s := r.URL.Query().Get("asOf"); s != "" {
			d, err := check.ParseDate(s)
			if err != nil {
				badRequest(w, r, "asOf", "日期：格式不正确，应为 2025-06-30", "asOf: "+err.Error())
				return
			}
			asOf = d
		}
		rep, err := engine.Coverage(ctx, areaID, &asOf, 1)
		var noArea *coverage.NotFoundError
		if errors.As(err, &noArea) {
			badRequest(w, r, "areaId", "区域：找不到该区域", "areaId: "+noArea.Error())
			return
		}
		var gaps *coverage.GapConnection
		if err == nil {
			gaps, err = engine.Gaps(ctx, coverage.GapFilter{AreaID: areaID, AsOf: &asOf, First: 1 << 30})
		}
		if err != nil {
			logger.ErrorContext(ctx, "exporting coverage", "err", err)
			serverError(w, r, "导出未能完成，请重试", "could not export; try again")
			return
		}
		book, err := spreadsheet.Coverage(rep, gaps.Nodes())
		if err != nil {
			logger.ErrorContext(ctx, "writing the workbook", "err", err)
			serverError(w, r, "导出未能完成，请重试", "could not export; try again")
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
