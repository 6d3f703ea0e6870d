#!/usr/bin/env bash
# The demo member's home page under load (docs/BENCHMARKS.md, issue 16): a year of diary, a
# finished experiment, questionnaires and a paced goal, so the page does all its work.
#
#   scripts/bench-home.sh [SECONDS]      (needs: cargo build --release; wrk; curl)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
BIN=target/release/foothold
PORT=18556
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
: >"$DATA/out"
FOOTHOLD_LOG=warn "$BIN" --data-dir "$DATA" serve --demo --listen "127.0.0.1:$PORT" >"$DATA/out" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 200); do grep -q listening "$DATA/out" && break; sleep 0.1; done
COOKIE="$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
  -d '{"handle":"demo","password":"try-foothold-demo"}' "$BASE/api/v1/sessions" \
  | tr -d '\r' | sed -n 's/^set-cookie: \(foothold_session=[^;]*\).*/\1/Ip')"
curl -sf -H "cookie: $COOKIE" "$BASE/" | grep -q "Hello, demo" || { echo "the demo member's home page did not load"; exit 1; }
echo "== wrk the demo member's home page (/), 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency -H "cookie: $COOKIE" "$BASE/"
