#!/usr/bin/env bash
# The FHIR export end to end over HTTP (docs/BENCHMARKS.md, issue 21): a member with three
# years of diary (all seven ratings every day), imported from CSV, then GET
# /api/v1/export/fhir timed with curl, five times, on a running release server.
#
#   scripts/bench-fhir.sh      (needs: cargo build --release; curl; python3)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/foothold
PORT=18558
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
python3 - "$DATA/three-years.csv" <<'PY'
import datetime, random, sys
random.seed(3)
start = datetime.date.today() - datetime.timedelta(days=1095)
with open(sys.argv[1], "w") as f:
    f.write("date,pain,peg_pain,peg_enjoyment,peg_activity,mood,sleep,control,strategies,note\n")
    for i in range(1095):
        d = start + datetime.timedelta(days=i)
        r = [str(random.randint(0, 10)) for _ in range(7)]
        s = ";".join(x for x in ["walk", "heat", "stretching"] if random.random() < 0.4)
        f.write(f"{d},{','.join(r)},{s},\n")
PY
"$BIN" --data-dir "$DATA" user create threeyears <<<"a calm long passphrase" >/dev/null
"$BIN" --data-dir "$DATA" diary import --user threeyears --csv "$DATA/three-years.csv"
: >"$DATA/out"
FOOTHOLD_LOG=warn "$BIN" --data-dir "$DATA" serve --listen "127.0.0.1:$PORT" >"$DATA/out" 2>&1 &
PID=$!
for _ in $(seq 1 200); do grep -q listening "$DATA/out" && break; sleep 0.1; done
COOKIE="$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
  -d '{"handle":"threeyears","password":"a calm long passphrase"}' "$BASE/api/v1/sessions" \
  | tr -d '\r' | sed -n 's/^set-cookie: \(foothold_session=[^;]*\).*/\1/Ip')"
echo "== GET /api/v1/export/fhir, three years: total seconds and bytes, 5 runs"
for run in 1 2 3 4 5; do
  curl -s -o /dev/null -w "run $run: %{time_total} s, %{size_download} bytes, HTTP %{http_code}\n" \
    -H "cookie: $COOKIE" "$BASE/api/v1/export/fhir"
done
