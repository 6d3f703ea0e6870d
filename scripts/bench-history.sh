#!/usr/bin/env bash
# History benchmark (docs/BENCHMARKS.md): the history page with 365 days for the demo member
# (a year of simulated diary), under load. SQLite, release build, loopback.
#
#   scripts/bench-history.sh [SECONDS]    (needs: cargo build --release; wrk; curl)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
BIN="$PWD/target/release/foothold"
PORT=18558
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
printf '[web.limits]\nlogin_per_ip = 1000000\n' >"$DATA/bench.toml"
"$BIN" --data-dir "$DATA" demo >/dev/null 2>&1
FOOTHOLD_LOG=warn "$BIN" --config "$DATA/bench.toml" --data-dir "$DATA" serve --listen "127.0.0.1:$PORT" >/dev/null 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "$BASE/healthz" && break; sleep 0.05; done
curl -s -D "$DATA/h" -o /dev/null -H 'content-type: application/json' \
  -d '{"handle":"demo","password":"try-foothold-demo"}' "$BASE/api/v1/sessions"
COOKIE="$(tr -d '\r' <"$DATA/h" | sed -n 's/^set-cookie: \(foothold_session=[^;]*\).*/\1/Ip')"
echo "== page: $(curl -s -o "$DATA/page.html" -w '%{time_total}' -H "cookie: $COOKIE" "$BASE/history?days=365") s, $(wc -c <"$DATA/page.html") bytes, $(grep -o '<th scope="row">' "$DATA/page.html" | wc -l) days"
echo "== wrk GET /history?days=365, 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency -H "cookie: $COOKIE" "$BASE/history?days=365"
