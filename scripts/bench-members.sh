# Sourced by the load scripts: `member_tokens BASE DATA N PREFIX` registers N members on the
# server at BASE (or uses them, if they exist) and prints one API token per line (DATA is a
# scratch folder).
member_tokens() {
  local base="$1" data="$2" n="$3" prefix="$4" i body cookie csrf
  for i in $(seq 1 "$n"); do
    curl -s -o /dev/null -H 'content-type: application/json' \
      -d "{\"handle\":\"$prefix$i\",\"password\":\"a calm long passphrase\"}" "$base/api/v1/accounts"
    body="$(curl -s -D "$data/h" -H 'content-type: application/json' \
      -d "{\"handle\":\"$prefix$i\",\"password\":\"a calm long passphrase\"}" "$base/api/v1/sessions")"
    cookie="$(tr -d '\r' <"$data/h" | sed -n 's/^set-cookie: \(foothold_session=[^;]*\).*/\1/Ip')"
    csrf="$(printf '%s' "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')"
    curl -s -H "cookie: $cookie" -H "x-csrf-token: $csrf" -H 'content-type: application/json' \
      -d '{"name":"bench"}' "$base/api/v1/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])'
  done
}
