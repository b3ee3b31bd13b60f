package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// exportDeadlines writes the deadlines of the ledger's items still
// followed up as an iCalendar feed (RFC 5545), one all-day event per item,
// for a staff member's calendar, and the other reminders due within 90
// days (or ?within=) or overdue: terms to renew, missing mobile reports,
// probation ending, missed training (see remind/). It holds what the
// viewer may see, read through the API.
func exportDeadlines(api http.Handler) http.Handler {
	const q = `{ rectifications(status: [OPEN, IN_PROGRESS, DONE, OVERDUE], first: 500, orderBy: [{field: DEADLINE}]) {
		nodes { id subjectName deadline responsible plan status area { name } } } }`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, failure := runQuery(api, r, q, map[string]any{})
		if failure != nil {
			failure.write(w)
			return
		}
		var page struct {
			Nodes []struct {
				ID, SubjectName, Deadline, Status string
				Responsible, Plan                 *string
				Area                              struct{ Name string }
			}
		}
		if err := json.Unmarshal(data["rectifications"], &page); err != nil {
			serverError(w, r, "导出未能完成，请重试", "could not export; try again")
			return
		}
		var b strings.Builder
		line := func(s string) { b.WriteString(s + "\r\n") }
		line("BEGIN:VCALENDAR")
		line("VERSION:2.0")
		line("PRODID:-//Jiceng//整改台账//ZH")
		line("X-WR-CALNAME:" + escapeICS("整改期限与待办"))
		stamp := time.Now().UTC().Format("20060102T150405Z")
		for _, n := range page.Nodes {
			day, err := time.Parse(time.DateOnly, n.Deadline)
			if err != nil {
				continue
			}
			summary := "整改期限：" + n.SubjectName + "（" + n.Area.Name + "）"
			if n.Status == "OVERDUE" {
				summary = "【已逾期】" + summary
			}
			desc := ""
			if n.Responsible != nil {
				desc += "负责人：" + *n.Responsible + "\n"
			}
			if n.Plan != nil {
				desc += "整改措施：" + *n.Plan
			}
			line("BEGIN:VEVENT")
			line("UID:rectification-" + n.ID + "@jiceng")
			line("DTSTAMP:" + stamp)
			line("DTSTART;VALUE=DATE:" + day.Format("20060102"))
			line("DTEND;VALUE=DATE:" + day.AddDate(0, 0, 1).Format("20060102"))
			line("SUMMARY:" + escapeICS(summary))
			line("DESCRIPTION:" + escapeICS(desc))
			line("END:VEVENT")
		}
		_, dues, ok := readReminders(api, w, withDefault(r, "within", "90"), []string{"TERM_RENEWAL", "MOBILE_REPORT", "PROBATION", "SECRETARY_TRAINING"})
		if !ok {
			return
		}
		for _, x := range dues {
			day, err := time.Parse(time.DateOnly, x.Due)
			if err != nil || x.Subject == nil {
				continue
			}
			summary := reminderKindZh[x.Kind] + "：" + x.SubjectName
			if x.Area != nil {
				summary += "（" + x.Area.Name + "）"
			}
			if x.Overdue {
				summary = "【已逾期】" + summary
			}
			desc := "负责人：" + deref(x.Responsible, "未指定")
			if x.Organization != nil {
				desc += "\n负责党组织：" + x.Organization.Name
			}
			line("BEGIN:VEVENT")
			line("UID:reminder-" + strings.ToLower(x.Kind) + "-" + x.Subject.ID + "-" + day.Format("20060102") + "@jiceng")
			line("DTSTAMP:" + stamp)
			line("DTSTART;VALUE=DATE:" + day.Format("20060102"))
			line("DTEND;VALUE=DATE:" + day.AddDate(0, 0, 1).Format("20060102"))
			line("SUMMARY:" + escapeICS(summary))
			line("DESCRIPTION:" + escapeICS(desc))
			line("END:VEVENT")
		}
		line("END:VCALENDAR")
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="deadlines.ics"; filename*=UTF-8''%s`, "%E6%95%B4%E6%94%B9%E6%9C%9F%E9%99%90.ics"))
		_, _ = w.Write([]byte(b.String()))
	})
}

// withDefault is the request with a query parameter set when it is not.
func withDefault(r *http.Request, name, value string) *http.Request {
	q := r.URL.Query()
	if q.Get(name) != "" {
		return r
	}
	q.Set(name, value)
	r2 := r.Clone(r.Context())
	r2.URL.RawQuery = q.Encode()
	return r2
}

// escapeICS escapes a TEXT value of iCalendar.
func escapeICS(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}
