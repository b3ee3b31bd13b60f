package graph_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"jiceng/viewer"
)

// TestRefusalsInARowWait: a token that sends one request refused for what
// it asks after another (a document over the token limit, a list over its
// maximum, a body that is no GraphQL request, a query that does not
// validate) has the second refusal in a row held about 50 ms, the third
// 100 ms and so on, as its refusals for the rate are; its first refusal,
// another token's request and a refusal in the register's own terms (a
// form's bad value, which a person corrects) are answered at once.
func TestRefusalsInARowWait(t *testing.T) {
	w := newWorld(t)
	long := "{ " + strings.Repeat("viewer { name } ", 20_000) + "}"
	ids := make([]string, 500)
	for i := range ids {
		ids[i] = "1"
	}
	refusals := map[string]func(c tokenClient) (time.Duration, string){
		"a document over the token limit": func(c tokenClient) (time.Duration, string) {
			return c.timed(t, `{"query":`+quote(long)+`}`)
		},
		"a list over its maximum": func(c tokenClient) (time.Duration, string) {
			return c.timed(t, `{"query":"query($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":[`+strings.Join(ids, ",")+`]}}`)
		},
		"a body that is no GraphQL request": func(c tokenClient) (time.Duration, string) {
			return c.timed(t, `[{"query":"{ viewer { name } }"}]`)
		},
		"a query that does not validate": func(c tokenClient) (time.Duration, string) {
			return c.timed(t, `{"query":"{ viewer { nosuchfield } }"}`)
		},
	}
	for name, send := range refusals {
		t.Run(name, func(t *testing.T) {
			c := tokenClient{url: w.api.URL, token: w.api.As(viewer.Reporter).Token}
			var took []time.Duration
			for range 4 {
				d, code := send(c)
				if code == "" {
					t.Fatalf("not refused")
				}
				took = append(took, d)
			}
			t.Logf("the refusals took %v", took)
			for i, want := range []time.Duration{50, 100, 200} {
				if want *= time.Millisecond; took[i+1] < want {
					t.Errorf("refusal %d in a row took %s, want it held at least %s", i+2, took[i+1], want)
				}
			}
			other := tokenClient{url: w.api.URL, token: w.api.As(viewer.Reporter).Token}
			if d, code := other.timed(t, `{"query":"{ viewer { name } }"}`); code != "" || d > 40*time.Millisecond+took[0] {
				t.Errorf("another token's light read: %q in %s, want an answer at once", code, d)
			}
		})
	}
	t.Run("a form's bad value is not held", func(t *testing.T) {
		c := tokenClient{url: w.api.URL, token: w.api.As(viewer.Editor, w.community.ID).Token}
		var all time.Duration
		for range 5 {
			d, code := c.timed(t, `{"query":"mutation { createUnit(input: {name: \"\", kind: MARKET, gridID: `+strconv.Itoa(w.grid.ID)+`}) { id } }"}`)
			if code != "BAD_USER_INPUT" {
				t.Fatalf("got %q, want BAD_USER_INPUT", code)
			}
			all += d
		}
		// Held, the five would take at least 50+100+200+400 ms.
		if all >= 750*time.Millisecond {
			t.Errorf("five refusals of a form's value took %s in all: held as if the request were at fault", all)
		}
	})
}

// tokenClient posts raw bodies with a token.
type tokenClient struct{ url, token string }

// timed posts body and returns how long the answer took and the code of
// its first error ("" for none).
func (c tokenClient) timed(t *testing.T, body string) (time.Duration, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.token)
	began := time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Errors []struct {
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	_ = json.NewDecoder(res.Body).Decode(&out)
	took := time.Since(began)
	if len(out.Errors) == 0 {
		return took, ""
	}
	code, _ := out.Errors[0].Extensions["code"].(string)
	return took, code
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
