package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// server is one GraphQL endpoint under test.
type server struct {
	name   string
	url    string
	tokens []string // Bearer tokens, one per client in turn; none when empty
	client *http.Client
}

func newServer(name, url string, tokens []string, conns int) *server {
	return &server{name: name, url: url, tokens: tokens, client: &http.Client{
		Timeout: 60 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
			IdleConnTimeout: time.Minute,
			// Both servers answer uncompressed: PostGraphile does not
			// compress, and the ratio should measure the API, not gzip.
			DisableCompression: true,
		},
	}}
}

// post sends one GraphQL request and returns the response body; an HTTP
// status other than 200 or a response with errors is an error.
func (s *server) post(ctx context.Context, query string, vars map[string]any) ([]byte, error) {
	return s.postAs(ctx, 0, query, vars)
}

// postAs is post by the client'th client, with its token.
func (s *server) postAs(ctx context.Context, client int, query string, vars map[string]any) ([]byte, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if len(s.tokens) > 0 {
		req.Header.Set("Authorization", "Bearer "+s.tokens[client%len(s.tokens)])
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK || bytes.Contains(out, []byte(`"errors"`)) {
		return nil, fmt.Errorf("%s: HTTP %d: %.300s", s.name, resp.StatusCode, out)
	}
	return out, nil
}

// result is one timed burst of requests.
type result struct {
	requests int
	errors   int
	elapsed  time.Duration
	p50, p95 time.Duration
	firstErr error
}

func (r result) rps() float64 { return float64(r.requests) / r.elapsed.Seconds() }

// burst sends requests from c clients, each waiting for its answer before
// the next (a closed loop), for d, and returns the throughput and latencies.
// vars gives each request's variables.
func burst(ctx context.Context, s *server, query string, vars func(i int) map[string]any, c int, d time.Duration) result {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      int
		firstErr  error
		seq       atomic.Int64
		wg        sync.WaitGroup
	)
	start := time.Now()
	for client := range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for ctx.Err() == nil {
				t := time.Now()
				_, err := s.postAs(context.Background(), client, query, vars(int(seq.Add(1))))
				if err != nil {
					mu.Lock()
					errs++
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					continue
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	r := result{requests: len(latencies), errors: errs, elapsed: time.Since(start), firstErr: firstErr}
	if len(latencies) > 0 {
		slices.Sort(latencies)
		r.p50 = latencies[len(latencies)/2]
		r.p95 = latencies[(len(latencies)*95)/100]
	}
	return r
}

func median(xs []float64) float64 {
	ys := slices.Clone(xs)
	slices.Sort(ys)
	if len(ys) == 0 {
		return 0
	}
	if len(ys)%2 == 1 {
		return ys[len(ys)/2]
	}
	return (ys[len(ys)/2-1] + ys[len(ys)/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
