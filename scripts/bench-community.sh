#!/usr/bin/env bash
# The community at scale (docs/BENCHMARKS.md, issue 17): `foothold seed-community` writes
# 50,000 members, 2,000 groups and 1,000,000 posts (100,000 threads in the group `big`, a
# thread of about 200 replies), then wrk measures, as a signed-in member on loopback:
# a group's thread list (the big group's newest page, a page 90,000 threads deep, a small
# group), a long thread, search, a hack with 10,000 shared results, the hacks list, and
# posting replies (every 2xx must be in the database after).
# SQLite by default; DATABASE_URL=postgres://… to seed and serve PostgreSQL instead, and
# SERVERS=2 to run two app servers against it (one wrk per server at once; the figures are
# summed).
#
#   scripts/bench-community.sh [SECONDS] [POSTS]   (needs: cargo build --release; wrk; curl; python3)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
POSTS="${2:-1000000}"
SERVERS="${SERVERS:-1}"
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/foothold"
PORT=18561
DATA="$(mktemp -d)"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
PW="a calm long passphrase"
printf '[web.limits]\nlogin_per_ip = 1000000\nregister_per_ip = 1000000\n' >"$DATA/bench.toml"
DB_ARGS=(--data-dir "$DATA")
if [ -n "${DATABASE_URL:-}" ]; then DB_ARGS=(--database-url "$DATABASE_URL"); fi

echo "== seeding $POSTS posts"
SCALE=$((POSTS / 10))
read -r LONG HACK < <(echo "$PW" | FOOTHOLD_LOG=warn "$BIN" "${DB_ARGS[@]}" seed-community --posts "$POSTS" \
  --members $((POSTS / 20 > 100 ? POSTS / 20 : 100)) --groups $((SCALE / 50 > 10 ? SCALE / 50 : 10)) \
  --big-threads "$SCALE" --bench 64)

for s in $(seq 1 "$SERVERS"); do
  FOOTHOLD_LOG=warn "$BIN" --config "$DATA/bench.toml" "${DB_ARGS[@]}" serve --listen "127.0.0.1:$((PORT + s))" >/dev/null &
  PIDS+=($!)
done
BASE="http://127.0.0.1:$((PORT + 1))"
for _ in $(seq 1 200); do curl -sf -o /dev/null "$BASE/healthz" && break; sleep 0.05; done

. scripts/bench-members.sh
mapfile -t TOKENS < <(member_tokens "$BASE" "$DATA" 64 bench)
AUTH="authorization: Bearer ${TOKENS[0]}"
# Pages are measured as a browser asks for them, with the login cookie; the API with a token.
curl -s -D "$DATA/h" -o /dev/null -H 'content-type: application/json' \
  -d "{\"handle\":\"bench1\",\"password\":\"$PW\"}" "$BASE/api/v1/sessions"
COOKIE="cookie: $(tr -d '\r' <"$DATA/h" | sed -n 's/^set-cookie: \(foothold_session=[^;]*\).*/\1/Ip')"

# wrk for one path on every server at once (after a 2-second warm-up), 16 connections in
# all unless a third argument says otherwise (1: one request at a time, its server time); prints each server's requests/s and latency percentiles, then the total.
run() {
  local label="$1" path="$2" connections="${3:-16}" auth="$COOKIE" s waiting=()
  case "$path" in /api/*) auth="$AUTH" ;; esac
  echo "== $label: $path"
  wrk -t1 -c16 -d2s -H "$auth" "$BASE$path" >/dev/null
  for s in $(seq 1 "$SERVERS"); do
    wrk -t1 -c$(((connections + SERVERS - 1) / SERVERS)) -d"${DURATION}s" --latency -H "$auth" "http://127.0.0.1:$((PORT + s))$path" >"$DATA/wrk$s.txt" &
    waiting+=($!)
  done
  wait "${waiting[@]}"
  for s in $(seq 1 "$SERVERS"); do grep -E "Requests/sec|^ +(50|90|99)%|Non-2xx|Socket errors" "$DATA/wrk$s.txt"; done
  if [ "$SERVERS" -gt 1 ]; then
    cat "$DATA"/wrk*.txt | awk '/Requests\/sec/ { t += $2 } END { printf "total requests/sec: %.0f\n", t }'
  fi
}

# A cursor 90 % of the way down the big group: a page deep in the list.
CURSOR="$(python3 - "$DATA" <<PY
import sqlite3, sys, os, datetime
url = os.environ.get("DATABASE_URL", "")
if url:
    import subprocess
    out = subprocess.run(["psql", url, "-Atc",
        "select extract(epoch from last_post_at)::bigint || '.' || id from threads where group_id = (select id from groups where slug = 'big') "
        "order by last_post_at desc, id desc limit 1 offset $((SCALE * 9 / 10))"], capture_output=True, text=True, check=True)
    print(out.stdout.strip())
else:
    db = sqlite3.connect(os.path.join(sys.argv[1], "foothold.db"))
    at, i = db.execute("select last_post_at, id from threads where group_id = (select id from groups where slug = 'big') "
                       "order by last_post_at desc, id desc limit 1 offset $((SCALE * 9 / 10))").fetchone()
    print(f"{int(datetime.datetime.fromisoformat(at).timestamp())}.{i}")
PY
)"

run "big group, newest page (HTML)" "/groups/big"
run "big group, 90 % down (HTML)" "/groups/big?after=$CURSOR"
run "small group (HTML)" "/groups/small"
run "big group, newest page (API)" "/api/v1/groups/big/threads"
run "thread of ~200 replies, first 50 (HTML)" "/threads/$LONG"
run "search, a word in 1 post of 1,000 (HTML)" "/search?q=t17"
run "search, two rare words (HTML)" "/search?q=t17+u256"
run "search, a word in most posts (HTML)" "/search?q=pacing"
run "a hack with 10,000 shared results (HTML)" "/hacks/$HACK"
run "a hack with 10,000 shared results (API)" "/api/v1/hacks/$HACK"
run "the same, one request at a time (HTML)" "/hacks/$HACK" 1
run "hacks list (HTML)" "/hacks"
run "a member's calendar feed: 50 groups, weekly sessions for a year" "/calendar/bench-calendar-feed.ics"
run "the same, one request at a time" "/calendar/bench-calendar-feed.ics" 1

REPLY_TO="$(curl -sf -H "$AUTH" "$BASE/api/v1/groups/small/threads" | python3 -c 'import json,sys; print(json.load(sys.stdin)["threads"][1]["id"])')"
# One script per server, so their nonces differ (every request is a new post).
for s in $(seq 1 "$SERVERS"); do
  {
    echo "local tokens = {"
    for t in "${TOKENS[@]}"; do echo "  \"$t\","; done
    echo "}"
    cat <<LUA
local n = 0
function request()
  n = n + 1
  local body = string.format('{"body":"Load test reply %d: pacing helped a little today.","nonce":"bench-$s-%d"}', n, n)
  return wrk.format("POST", "/api/v1/threads/$REPLY_TO/posts",
    {["content-type"] = "application/json", ["authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]}, body)
end
LUA
  } >"$DATA/post$s.lua"
done
BEFORE="$(curl -sf -H "$AUTH" "$BASE/api/v1/groups/small/threads" | python3 -c 'import json,sys; t=[x for x in json.load(sys.stdin)["threads"] if x["id"]=='"$REPLY_TO"']; print(t[0]["posts"] if t else 0)')"
echo "== posting replies (64 members in turn), 16 connections"
POSTING=()
for s in $(seq 1 "$SERVERS"); do
  wrk -t1 -c$((16 / SERVERS)) -d"${DURATION}s" --latency -s "$DATA/post$s.lua" "http://127.0.0.1:$((PORT + s))" >"$DATA/post$s.txt" &
  POSTING+=($!)
done
wait "${POSTING[@]}"
for s in $(seq 1 "$SERVERS"); do grep -E "Requests/sec|requests in|^ +(50|90|99)%|Non-2xx" "$DATA/post$s.txt"; done
AFTER="$(curl -sf -H "$AUTH" "$BASE/api/v1/threads/$REPLY_TO" | python3 -c 'import json,sys; print(json.load(sys.stdin)["thread"]["posts"])')"
echo "posts in the thread before $BEFORE, after $AFTER: $((AFTER - BEFORE)) stored"
