package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDeadlinesFeed: the demo's ledger (loaded with the demo) comes out as
// an iCalendar feed of the deadlines of the items still followed up.
func TestDeadlinesFeed(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "日历", "--role", "ANALYST"))
	url, stop := startIn(t, env, "--demo")
	defer stop()
	_, out := api(t, url, token, `{ rectifications(status: [OPEN, IN_PROGRESS, DONE, OVERDUE]) { totalCount } }`)
	open := whole(out["data"].(map[string]any)["rectifications"].(map[string]any)["totalCount"])
	req, _ := http.NewRequest(http.MethodGet, url+"/export/deadlines.ics", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("got %d %v", res.StatusCode, res.Header)
	}
	feed := string(body)
	if !strings.HasPrefix(feed, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(feed, "END:VCALENDAR\r\n") {
		t.Errorf("not a calendar:\n%s", feed)
	}
	if n := strings.Count(feed, "UID:rectification-"); open == "0" || whole(float64(n)) != open {
		t.Errorf("%d item events, want the %s items still followed up", n, open)
	}
	_, out = api(t, url, token, `{ reminders(within: 90, kinds: [TERM_RENEWAL, MOBILE_REPORT, PROBATION, SECRETARY_TRAINING]) { total } }`)
	due := whole(out["data"].(map[string]any)["reminders"].(map[string]any)["total"])
	if n := strings.Count(feed, "UID:reminder-"); due == "0" || whole(float64(n)) != due {
		t.Errorf("%d reminder events, want the %s reminders due within 90 days", n, due)
	}
	if n, r := strings.Count(feed, "BEGIN:VEVENT"), strings.Count(feed, "UID:"); n != r {
		t.Errorf("%d events, %d UIDs", n, r)
	}
	if !strings.Contains(feed, "【已逾期】") {
		t.Error("no overdue item in the feed")
	}
	if res, _ := get(t, url+"/export/deadlines.ics"); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("without credentials: %d", res.StatusCode)
	}

	// The to-do list as a workbook: a row per reminder of the list.
	_, out = api(t, url, token, `{ reminders { total } }`)
	total := whole(out["data"].(map[string]any)["reminders"].(map[string]any)["total"])
	req, _ = http.NewRequest(http.MethodGet, url+"/export/reminders.xlsx", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	book, err := excelize.OpenReader(res.Body)
	if err != nil {
		t.Fatalf("%d: %v", res.StatusCode, err)
	}
	rows, err := book.GetRows("待办提醒")
	if err != nil || len(rows) < 2 || rows[0][0] != "负责人" || whole(float64(len(rows)-1)) != total {
		t.Errorf("%d rows (%v), want a header and the %s reminders", len(rows), err, total)
	}
	if res, _ := get(t, url+"/export/reminders.xlsx?within=x"); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("without credentials: %d", res.StatusCode)
	}
}
