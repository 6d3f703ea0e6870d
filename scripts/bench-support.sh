#!/usr/bin/env bash
# The support service under a burst of long notes (docs/BENCHMARKS.md, issue 14): 32
# connections send check-ins whose notes are 5,000 characters, every one different (so the
# crisis reader cannot answer from memory), while a second load generator measures /healthz.
# The reader runs on a bounded pool; when it is full the rules answer alone, so /healthz must
# stay quick and every note must still be answered. SQLite, release build, loopback.
#
#   scripts/bench-support.sh [SECONDS]     (needs: cargo build --release; wrk; curl; python3)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/foothold"
PORT=18557
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
printf '[web.limits]\nlogin_per_ip = 1000000\nregister_per_ip = 1000000\n' >"$DATA/bench.toml"
FOOTHOLD_LOG=warn "$BIN" --config "$DATA/bench.toml" --data-dir "$DATA" serve --listen "127.0.0.1:$PORT" >/dev/null &
PID=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "$BASE/healthz" && break; sleep 0.05; done

. scripts/bench-members.sh
mapfile -t TOKENS < <(member_tokens "$BASE" "$DATA" 32 note)
LUA="$DATA/notes.lua"
{
  echo "local tokens = {"
  for t in "${TOKENS[@]}"; do echo "  \"$t\","; done
  echo "}"
  cat <<'LUA'
local words = {"walked", "slept", "badly", "pain", "eased", "after", "lunch", "stretches", "heat", "pad",
  "sister", "called", "tired", "garden", "physio", "knee", "back", "rested", "shop", "rain", "better",
  "worse", "today", "morning", "evening", "read", "book", "bath", "dog", "cooked", "soup"}
local n = 0
local answered, other = 0, 0
function request()
  n = n + 1
  local token = tokens[(n % #tokens) + 1]
  local k = math.floor(n / #tokens)
  local day = string.format("%04d-%02d-%02d", 1950 + math.floor(k / 336), math.floor(k / 28) % 12 + 1, k % 28 + 1)
  local parts = {}
  local length = 0
  while length < 4990 do
    local w = words[math.random(#words)]
    table.insert(parts, w)
    length = length + #w + 1
  end
  local note = string.sub(table.concat(parts, " "), 1, 5000)
  local body = string.format('{"pain":%d,"note":"%s","version":null}', n % 11, note)
  return wrk.format("PUT", "/api/v1/checkins/" .. day,
    {["content-type"] = "application/json", ["authorization"] = "Bearer " .. token}, body)
end
LUA
} >"$LUA"

echo "== $DURATION s: wrk PUT /api/v1/checkins/{day}, 5,000-character notes, 32 connections; /healthz beside it"
wrk -t1 -c4 -d"${DURATION}s" --latency "$BASE/healthz" >"$DATA/health.txt" &
HEALTH=$!
wrk -t1 -c32 -d"${DURATION}s" --timeout 30s --latency -s "$LUA" "$BASE"
wait "$HEALTH"
echo "== /healthz meanwhile"
cat "$DATA/health.txt"
python3 - "$DATA/foothold.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print("check-ins stored:", db.execute("select count(*) from checkins").fetchone()[0])
PY
