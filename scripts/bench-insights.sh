#!/usr/bin/env bash
# Insights benchmark (docs/BENCHMARKS.md): the "What helps me" page and its API for the
# issue's reference member — 3 years of days, 40 strategies — under load. SQLite, release
# build, loopback. Also times the first (uncached) view.
#
#   scripts/bench-insights.sh [SECONDS]    (needs: cargo build --release; wrk; curl; python3)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
BIN="$PWD/target/release/foothold"
PORT=18557
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
printf '[web.limits]\nlogin_per_ip = 1000000\n' >"$DATA/bench.toml"

python3 - "$DATA/three-years.csv" <<'PY'
import datetime, random, sys
random.seed(3)
rates = [0.05 + 0.5 * random.random() for _ in range(40)]
start = datetime.date.today() - datetime.timedelta(days=3 * 365)
with open(sys.argv[1], "w") as f:
    f.write("date,pain,peg_pain,peg_enjoyment,peg_activity,mood,sleep,control,strategies,note\n")
    for i in range(3 * 365):
        if random.random() > 0.8:
            continue
        d = start + datetime.timedelta(days=i)
        r = [str(min(10, max(0, round(random.gauss(m, 1.5))))) for m in (5, 5, 4, 4.5, 6, 6, 4)]
        s = ";".join(f"habit {k}" for k in range(40) if random.random() < rates[k])
        f.write(f"{d},{','.join(r)},{s},\n")
PY
"$BIN" --data-dir "$DATA" user create reference <<<"a calm long passphrase" >/dev/null
"$BIN" --data-dir "$DATA" diary import --user reference --csv "$DATA/three-years.csv"

FOOTHOLD_LOG=warn "$BIN" --config "$DATA/bench.toml" --data-dir "$DATA" serve --listen "127.0.0.1:$PORT" >/dev/null &
PID=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "$BASE/healthz" && break; sleep 0.05; done
curl -s -D "$DATA/h" -o /dev/null -H 'content-type: application/json' \
  -d '{"handle":"reference","password":"a calm long passphrase"}' "$BASE/api/v1/sessions"
COOKIE="$(tr -d '\r' <"$DATA/h" | sed -n 's/^set-cookie: \(foothold_session=[^;]*\).*/\1/Ip')"

echo "== first view (analysis computed): $(curl -s -o "$DATA/page.html" -w '%{time_total}' -H "cookie: $COOKIE" "$BASE/insights") s, $(wc -c <"$DATA/page.html") bytes"
echo "== second view (kept):              $(curl -s -o /dev/null -w '%{time_total}' -H "cookie: $COOKIE" "$BASE/insights") s"
echo "== wrk GET /insights, 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency -H "cookie: $COOKIE" "$BASE/insights"
echo "== wrk GET /api/v1/insights, 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency -H "cookie: $COOKIE" "$BASE/api/v1/insights"
