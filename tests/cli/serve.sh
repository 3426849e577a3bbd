#!/bin/sh
# serve.sh -- `hearsay serve` over HTTP without a browser (curl): usage
# errors, loopback by default, every page and endpoint, parameter
# validation, escaping, concurrent requests, SIGINT. Prints "ok NAME" /
# "not ok NAME"; run from the repository root. Index: the defining example
# plus a fixture article whose text holds markup.
HEARSAY=${HEARSAY:-build/hearsay}
case $HEARSAY in /*) ;; *) HEARSAY=$(pwd)/$HEARSAY ;; esac
T=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT

check() { # NAME CONDITION
    if eval "$2"; then echo "ok $1"; else echo "not ok $1"; fi
}

get() { # PATH: body in $T/b, status in $code
    code=$(curl -s -o "$T/b" -w '%{http_code}' "$BASE$1")
}

json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/b" 2>/dev/null; }

"$HEARSAY" serve >/dev/null 2>&1
check "serve: no --db is a usage error (2)" '[ $? -eq 2 ]'
"$HEARSAY" serve --db x --port 99999 >/dev/null 2>&1
check "serve: bad port is a usage error (2)" '[ $? -eq 2 ]'
"$HEARSAY" serve --db "$T/missing.db" --port 0 >/dev/null 2>&1
check "serve: missing database fails (1)" '[ $? -eq 1 ]'
"$HEARSAY" serve --db x --host example.org >/dev/null 2>&1
check "serve: a host name is refused" '[ $? -ne 0 ]'

mkdir "$T/in"
printf 'Mallory said: "<script>alert(1)</script> & <b>bold</b>".\nShe added that it was "fine".\n' >"$T/in/evil.txt"
"$HEARSAY" index -q --db "$T/db" --date 2021-09-01 examples/klain-taliban.txt "$T/in" >/dev/null 2>&1
check "serve: test index built" '[ $? -eq 0 ]'

"$HEARSAY" serve --db "$T/db" --port 0 --threads 4 >"$T/url" 2>"$T/log" &
pid=$!
for _ in $(seq 100); do [ -s "$T/url" ] && break; sleep 0.1; done
BASE=$(head -n 1 "$T/url" | sed 's,/$,,')
check "serve: listens on loopback by default" 'case "$BASE" in http://127.0.0.1:*) true ;; *) false ;; esac'
hexport=$(printf '%04X' "${BASE##*:}")
# /proc/net/tcp: local address as hex IP:port, state 0A = LISTEN
listen=$(awk -v p=":$hexport" '$4 == "0A" && $2 ~ p"$" { print $2 }' /proc/net/tcp)
check "serve: bound to 127.0.0.1 only" '[ "$listen" = "0100007F:$hexport" ]'

get /
check "serve: home page 200" '[ "$code" = 200 ] && grep -q "<form" "$T/b"'
get "/?q=recognize"
check "serve: search page lists a hit" 'grep -q "<li class=\"hit\">" "$T/b"'
check "serve: hit links to its article, at the quotation" 'grep -q "href=\"/article?doc=examples%2Fklain-taliban#at[0-9]*\"" "$T/b"'
get "/?q=the&limit=2"
check "serve: a cut list links to more" 'grep -q "<a id=\"more\" href=\"/?q=the&amp;limit=4\">show 4</a>" "$T/b" && grep -q "name=\"limit\" value=\"2\"" "$T/b"'
get /speakers
check "serve: speakers page names Klain" '[ "$code" = 200 ] && grep -q "Ron Klain" "$T/b"'
get "/speaker?name=Ron+Klain"
check "serve: speaker page has a timeline" '[ "$code" = 200 ] && grep -q "<svg id=\"timeline\"" "$T/b" && grep -q "<rect" "$T/b"'
check "serve: speaker page lists attributions" '[ $(grep -c "<li class=\"hit\">" "$T/b") -ge 3 ]'
get /repeats
check "serve: repeats page 200" '[ "$code" = 200 ]'
get "/article?doc=examples%2Fklain-taliban"
check "serve: article view highlights" '[ "$code" = 200 ] && grep -q "class=\"q s0" "$T/b"'
get /api/article/examples%2Fklain-taliban
check "serve: /api/article with an escaped slash" '[ "$code" = 200 ] && json_ok'
get "/api/article/examples/klain-taliban"
check "serve: /api/article with a plain slash" '[ "$code" = 200 ] && json_ok'

get "/api/search?q=script"
check "serve: /api/search JSON is valid with markup" '[ "$code" = 200 ] && json_ok && grep -q "results" "$T/b"'
doc=$(sed -n 's/.*"doc":"\([^"]*evil\)".*/\1/p' "$T/b" | head -n 1)
get "/article?doc=$(printf %s "$doc" | sed 's,/,%2F,g')"
check "serve: article with <script> shows it as text" '[ "$code" = 200 ] && ! grep -q "<script" "$T/b" && grep -q "&lt;script&gt;" "$T/b"'
get "/?q=%3Cscript%3E"
check "serve: query echoed escaped" '! grep -q "<script" "$T/b" && grep -q "value=\"&lt;script&gt;\"" "$T/b"'

get "/api/search?limit=201"
check "serve: limit over the maximum is 400" '[ "$code" = 400 ] && json_ok'
get "/api/search?since=2021-09-02&until=2021-09-01"
check "serve: since after until is 400" '[ "$code" = 400 ]'
get "/speaker"
check "serve: speaker page without a name is 400" '[ "$code" = 400 ] && grep -q "required" "$T/b"'
get "/nope"
check "serve: unknown page is 404" '[ "$code" = 404 ]'
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/search?q=$(head -c 40000 /dev/zero | tr '\0' a)")
check "serve: huge URL refused" '[ "$code" -ge 400 ]'
code=$(curl -s -I -o "$T/h" -w '%{http_code}' "$BASE/")
check "serve: HEAD 200 with CSP" '[ "$code" = 200 ] && grep -qi "content-security-policy: default-src .none." "$T/h"'

# 200 requests, 20 at a time
seq 200 | xargs -P 20 -I{} curl -s -o /dev/null -w '%{http_code}\n' "$BASE/api/search?q=Klain&limit={}" >"$T/codes" 2>/dev/null
check "serve: concurrent requests all answered" '[ $(grep -c "^200$" "$T/codes") -eq 200 ]'

kill -INT "$pid"
wait "$pid"
rc=$?
pid=
check "serve: SIGINT stops it with status 0" '[ $rc -eq 0 ] && grep -q "SIGINT: stopping" "$T/log"'
