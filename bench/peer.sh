#!/usr/bin/env bash
# Jiceng and PostGraphile 4.14 side by side on the same PostgreSQL database
# (issue 14). Not part of CI: it loads a synthetic city (3-10 minutes for the
# full city), then runs about 5 minutes of load. See BENCHMARKS.md.
#
#   bench/peer.sh                      # the full city, c = 1, 8, 32
#   SIZE=quarter bench/peer.sh         # a quarter of the city, quicker to load
#   REUSE=1 bench/peer.sh              # keep the database a previous run loaded
#
# Settings (environment): PG (server DSN without a database), DB (database
# name, dropped and made again unless REUSE=1), SIZE (city, quarter, town),
# C (concurrencies), TOKENS (Jiceng tokens, used by the clients in turn), D (length of each burst), ROUNDS (bursts per server, in
# turns), WRITES=0 to skip the measure with writes, PPROF=1 to build Jiceng
# with a pprof listener on 127.0.0.1:16060, KEEP=1 to leave both servers
# running at the end (their PIDs are printed).
set -euo pipefail
cd "$(dirname "$0")/.."

PG=${PG:-postgres://postgres:jiceng@127.0.0.1:5432}
DB=${DB:-jiceng_peer}
SIZE=${SIZE:-city}
C=${C:-1,8,32}
D=${D:-5s}
ROUNDS=${ROUNDS:-2}
WRITES=${WRITES:-1}
TOKENS=${TOKENS:-32}
JPORT=${JPORT:-18080}
PPORT=${PPORT:-15000}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/jiceng-peer.XXXXXX")}
NODE_DIR=${NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jiceng-peer/postgraphile-4.14.1}
DSN="$PG/$DB"

pids=()
cleanup() {
	if [[ "${KEEP:-0}" != 1 ]]; then
		for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	fi
}
trap cleanup EXIT

echo "== building into $WORK"
tags=()
[[ "${PPROF:-0}" == 1 ]] && tags=(-tags pprof)
go build "${tags[@]}" -o "$WORK/jiceng" .
go build -o "$WORK/peer" ./bench/peer

if [[ ! -x "$NODE_DIR/node_modules/.bin/postgraphile" ]]; then
	echo "== installing postgraphile 4.14.1 into $NODE_DIR (not the project's dependencies)"
	mkdir -p "$NODE_DIR"
	[[ -f "$NODE_DIR/package.json" ]] || echo '{"private":true}' >"$NODE_DIR/package.json"
	npm install --prefix "$NODE_DIR" --no-audit --no-fund --silent postgraphile@4.14.1
fi

if [[ "${REUSE:-0}" != 1 ]]; then
	echo "== loading the synthetic city ($SIZE) into a fresh database $DB"
	psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
	timeout 30m "$WORK/peer" load -db "$DSN" -size "$SIZE"
fi

# One REPORTER token per client (TOKENS=1: every client shares one, as one
# reporting tool would; a costly query then runs one at a time per token,
# see TurnCost in graph/turns.go).
reporter=""
for i in $(seq "$TOKENS"); do
	t=$("$WORK/jiceng" token create --db "$DSN" --data "$WORK/data" --role REPORTER --name "peer-bench-$i" --expires 1d 2>/dev/null)
	reporter=${reporter:+$reporter,}$t
done
admin=$("$WORK/jiceng" token create --db "$DSN" --data "$WORK/data" --role ADMIN --name peer-bench-writer --expires 1d 2>/dev/null)

echo "== starting Jiceng on :$JPORT and PostGraphile on :$PPORT"
# Limits raised so that the token's rate, cost and concurrency bound nothing.
JICENG_PPROF=127.0.0.1:16060 "$WORK/jiceng" --db "$DSN" --data "$WORK/data" --addr "127.0.0.1:$JPORT" \
	--rate 1000000 --cost-rate 1000000000 --concurrent 256 --timeout 120s >"$WORK/jiceng.log" 2>&1 &
pids+=($!)
# The same pool size as Jiceng's (16); simple collections so that nested
# one-to-many fields are lists, as Jiceng's edges are.
"$NODE_DIR/node_modules/.bin/postgraphile" -c "$DSN" --host 127.0.0.1 --port "$PPORT" \
	--simple-collections both --max-pool-size 16 --disable-query-log >"$WORK/postgraphile.log" 2>&1 &
pids+=($!)
for url in "http://127.0.0.1:$JPORT/healthz" "http://127.0.0.1:$PPORT/graphql"; do
	for i in $(seq 120); do
		curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "$url" && break
		sleep 1
		[[ $i == 120 ]] && { echo "no answer from $url; logs in $WORK" >&2; exit 1; }
	done
done
echo "   Jiceng PID ${pids[0]}, PostGraphile PID ${pids[1]}; logs in $WORK"

echo "== list, nested and by-ID queries, c = $C, $ROUNDS bursts of $D each in turns (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
timeout 30m "$WORK/peer" run -db "$DSN" -token "$reporter" -jiceng "http://127.0.0.1:$JPORT/graphql" \
	-peer "http://127.0.0.1:$PPORT/graphql" -c "$C" -d "$D" -rounds "$ROUNDS"

if [[ "$WRITES" == 1 ]]; then
	echo "== list at c = 8, quiet and with a write and a cold roll-up every 2 s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
	timeout 30m "$WORK/peer" writes -db "$DSN" -token "$reporter" -admin-token "$admin" \
		-jiceng "http://127.0.0.1:$JPORT/graphql" -d "$D" -rounds "$ROUNDS"
fi
echo "== done (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
