package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
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
	if n := strings.Count(feed, "BEGIN:VEVENT"); open == "0" || whole(float64(n)) != open {
		t.Errorf("%d events, want the %s items still followed up", n, open)
	}
	if !strings.Contains(feed, "【已逾期】") {
		t.Error("no overdue item in the feed")
	}
	if res, _ := get(t, url+"/export/deadlines.ics"); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("without credentials: %d", res.StatusCode)
	}
}
