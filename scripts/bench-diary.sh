#!/usr/bin/env bash
# Diary benchmarks (docs/BENCHMARKS.md): durable check-in writes through the API under
# load, and importing a 10-year CSV. SQLite, release build, loopback.
#
#   scripts/bench-diary.sh [SECONDS]       (needs: cargo build --release; wrk; curl; python3)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/foothold"
PORT=18556
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
SYNC="${SYNC:-full}"   # SQLite durability: full (default) or normal
printf 'sqlite_synchronous = "%s"\n[web.limits]\nlogin_per_ip = 1000000\nregister_per_ip = 1000000\n' "$SYNC" >"$DATA/bench.toml"
FOOTHOLD_LOG=warn "$BIN" --config "$DATA/bench.toml" --data-dir "$DATA" serve --listen "127.0.0.1:$PORT" >/dev/null &
PID=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "$BASE/healthz" && break; sleep 0.05; done

# 64 members, one API token each; every request writes a new day for one of them.
. scripts/bench-members.sh
mapfile -t TOKENS < <(member_tokens "$BASE" "$DATA" 64 bench)
LUA="$DATA/put.lua"
{
  echo "local tokens = {"
  for t in "${TOKENS[@]}"; do echo "  \"$t\","; done
  echo "}"
  cat <<'LUA'
local counter, step = 0, 1
function setup(thread)
  thread:set("first", #threads_seen + 0)
  table.insert(threads_seen, thread)
end
threads_seen = {}
function init(args)
  counter = first
  step = 2
end
function request()
  local n = counter
  counter = counter + step
  local token = tokens[(n % #tokens) + 1]
  local k = math.floor(n / #tokens)
  -- A distinct past date for each request of a member: 28-day months from 1950.
  local day = string.format("%04d-%02d-%02d", 1950 + math.floor(k / 336), math.floor(k / 28) % 12 + 1, k % 28 + 1)
  local body = string.format('{"pain":%d,"mood":%d,"note":"bench","version":null}', n % 11, (n * 7) % 11)
  return wrk.format("PUT", "/api/v1/checkins/" .. day,
    {["content-type"] = "application/json", ["authorization"] = "Bearer " .. token}, body)
end
LUA
} >"$LUA"

echo "== wrk PUT /api/v1/checkins/{day} (new day each request, sqlite_synchronous=$SYNC), 64 connections, ${DURATION}s"
wrk -t2 -c64 -d"${DURATION}s" --latency -s "$LUA" "$BASE"
python3 - "$DATA/foothold.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print("check-ins stored:", db.execute("select count(*) from checkins").fetchone()[0])
PY

echo "== import of a 10-year CSV (3,650 rows) with the CLI"
python3 - "$DATA/ten-years.csv" <<'PY'
import datetime, random, sys
random.seed(1)
start = datetime.date(2015, 1, 1)
with open(sys.argv[1], "w") as f:
    f.write("date,pain,peg_pain,peg_enjoyment,peg_activity,mood,sleep,control,strategies,note\n")
    for i in range(3650):
        d = start + datetime.timedelta(days=i)
        r = [str(random.randint(0, 10)) for _ in range(7)]
        s = ";".join(x for x in ["walk", "heat", "Warm bath", "stretching"] if random.random() < 0.4)
        f.write(f"{d},{','.join(r)},{s},\"day {i}, noted\"\n")
PY
"$BIN" --data-dir "$DATA" user create tenyears <<<"a calm long passphrase" >/dev/null
for run in 1 2 3; do
  /usr/bin/time -f "run $run: %e s wall, %M KB max RSS" \
    "$BIN" --data-dir "$DATA" diary import --user tenyears --csv "$DATA/ten-years.csv"
done
