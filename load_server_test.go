package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serveApart serves the demo from the register in dir in a process of its
// own (this test binary, running TestLoadServer), so that the load test's
// clients and the server do not share one Go runtime: its scheduler, its
// garbage collector and its GOMAXPROCS. It returns the server's URL and,
// when JICENG_LOAD_PROFILE names a file and the binary was built with
// -tags pprof, a function that writes the server's CPU profile over the
// given time to that file; and a function that reads the CPU time the
// server process has used so far.
func serveApart(t *testing.T, dir string) (string, func(time.Duration), func() time.Duration) {
	t.Helper()
	var pprofAddr string
	path := os.Getenv("JICENG_LOAD_PROFILE")
	if path != "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		pprofAddr = ln.Addr().String()
		ln.Close()
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestLoadServer$", "-test.timeout", "10m")
	cmd.Env = append(os.Environ(), "JICENG_LOAD_SERVE="+dir, "JICENG_PPROF="+pprofAddr)
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
		}
	})
	lines := bufio.NewReader(out)
	url := ""
	for url == "" {
		line, err := lines.ReadString('\n')
		if err != nil {
			t.Fatalf("the server did not start: %v", err)
		}
		if after, ok := strings.CutPrefix(line, "jiceng listening on "); ok {
			url = strings.TrimSpace(after)
		}
	}
	go io.Copy(io.Discard, lines)
	pid := cmd.Process.Pid
	cpu := func() time.Duration { return processCPU(strconv.Itoa(pid)) }
	if path == "" {
		return url, nil, cpu
	}
	return url, func(d time.Duration) {
		res, err := http.Get("http://" + pprofAddr + "/debug/pprof/profile?seconds=" + strings.TrimSuffix(d.Round(time.Second).String(), "s"))
		if err != nil {
			t.Errorf("profiling the server (built with -tags pprof?): %v", err)
			return
		}
		defer res.Body.Close()
		f, err := os.Create(path)
		if err != nil {
			t.Error(err)
			return
		}
		defer f.Close()
		if _, err := io.Copy(f, res.Body); err != nil || res.StatusCode != http.StatusOK {
			t.Errorf("profiling the server: %d %v (built with -tags pprof?)", res.StatusCode, err)
		}
	}, cpu
}

// processCPU is the user and system CPU time process pid ("self" for this
// one) has used, from /proc (zero where there is none).
func processCPU(pid string) time.Duration {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	// The fields after the command's name, which is in parentheses.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ is 100 on Linux
}

// TestLoadServer is the server process of the load test (serveApart): it
// serves the demo from JICENG_LOAD_SERVE, on loopback, until SIGTERM.
func TestLoadServer(t *testing.T) {
	dir := os.Getenv("JICENG_LOAD_SERVE")
	if dir == "" {
		t.Skip("the load test's server, run by TestLoad in a process of its own")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	getenv := func(k string) string {
		if k == "JICENG_DATA" {
			return dir
		}
		return ""
	}
	if err := run(ctx, []string{"--addr", "127.0.0.1:0", "--demo"}, getenv, strings.NewReader(""), os.Stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
}
