#!/usr/bin/env bash
# Server benchmark on loopback (docs/BENCHMARKS.md): start-up time, idle memory, and wrk
# throughput/latency for /healthz and an authenticated HTML page, on SQLite.
#
#   scripts/bench-server.sh [SECONDS]      (needs: cargo build --release; wrk; curl; python3)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
BIN=target/release/foothold
PORT=18555
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
cat >"$DATA/bench.toml" <<TOML
[web.limits]
login_per_ip = 1000000
register_per_ip = 1000000
TOML

start() {
  # Prints milliseconds from exec to the "listening" line (the socket is bound and the
  # database migrated by then), and leaves the server running as $PID.
  python3 - "$BIN" "$DATA" "$PORT" <<'PY' &
import subprocess, sys, time
bin, data, port = sys.argv[1:4]
t0 = time.monotonic()
p = subprocess.Popen([bin, "--config", f"{data}/bench.toml", "--data-dir", data, "serve", "--listen", f"127.0.0.1:{port}"],
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={"FOOTHOLD_LOG": "warn"})
p.stdout.readline()
print(f"{(time.monotonic() - t0) * 1000:.1f}", flush=True)
open(f"{data}/pid", "w").write(str(p.pid))
p.wait()
PY
  for _ in $(seq 1 100); do [ -s "$DATA/pid" ] && break; sleep 0.05; done
  PID="$(cat "$DATA/pid")"
  rm -f "$DATA/pid"
}

echo "== first start (creates and migrates the database)"
start; sleep 0.5
curl -sf -o /dev/null -H 'content-type: application/json' \
  -d '{"handle":"bench","password":"a calm long passphrase"}' "$BASE/api/v1/accounts"
kill "$PID"; wait 2>/dev/null || true

echo "== start to ready on the existing database (ms), 5 runs"
for _ in 1 2 3 4 5; do start; sleep 0.2; kill "$PID"; wait 2>/dev/null || true; done

start; sleep 0.3
echo "== idle resident memory right after start: $(grep VmRSS /proc/$PID/status)"
COOKIE="$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
  -d '{"handle":"bench","password":"a calm long passphrase"}' "$BASE/api/v1/sessions" \
  | tr -d '\r' | sed -n 's/^set-cookie: \(foothold_session=[^;]*\).*/\1/Ip')"
curl -sf -H "cookie: $COOKIE" "$BASE/" | grep -q "Hello, bench" || { echo "authenticated page check failed"; exit 1; }
for _ in $(seq 1 50); do curl -s -o /dev/null "$BASE/healthz"; done
echo "== idle resident memory after a login and 50 requests: $(grep VmRSS /proc/$PID/status)"

echo "== wrk /healthz, 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency "$BASE/healthz"
echo "== wrk authenticated home page (/), 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency -H "cookie: $COOKIE" "$BASE/"
echo "== wrk authenticated account page (/account), 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency -H "cookie: $COOKIE" "$BASE/account"
echo "== resident memory after load: $(grep VmRSS /proc/$PID/status)"
