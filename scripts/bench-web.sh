#!/bin/sh
# Load benchmark of the meeting page (issue 4): rapporteur serve against nginx serving the
# same page saved as a static file, in the same run, with wrk on 127.0.0.1.
#
#   scripts/bench-web.sh [MEETINGS] [SECONDS]
#
# Needs wrk and nginx (apt-get install -y wrk nginx-light) and a release build
# (cargo build --release -p cli -p ingest --example gen_corpus). The archive (MEETINGS
# generated reports, default 10000) is built once under /tmp/rapporteur-bench-web and kept.
set -eu
meetings=${1:-10000}
seconds=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/target/release/rapporteur
gen=$root/target/release/examples/gen_corpus
work=/tmp/rapporteur-bench-web
db=$work/archive-$meetings.db
mkdir -p "$work"
if [ ! -f "$db" ]; then
    rm -rf "$work/reports"
    "$gen" "$work/reports" "$meetings"
    "$bin" --db "$db" import "$work/reports" | tail -1
fi
"$bin" --db "$db" serve --bind 127.0.0.1:18181 > "$work/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; true' EXIT
sleep 1
# A meeting in the middle of the busiest group's series.
path=$(curl -s "http://127.0.0.1:18181/api/v1/groups" \
    | python3 -c 'import json,sys; g=max(json.load(sys.stdin)["items"], key=lambda g: g["meetings"]); print(g["slug"])')
path=$(curl -s "http://127.0.0.1:18181/api/v1/groups/$path/meetings?limit=500" \
    | python3 -c 'import json,sys; m=json.load(sys.stdin)["items"]; print(m[len(m)//2]["url"])')
mkdir -p "$work/static$(dirname "$path")"
curl -s -o "$work/static$path.html" "http://127.0.0.1:18181$path"
echo "page: $path ($(wc -c < "$work/static$path.html") bytes)"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    types { text/html html; }
    server {
        listen 127.0.0.1:18182;
        root $work/static;
        location / { try_files \$uri.html =404; }
    }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5
# Every meeting page of the archive in turn, so almost every request renders a page the
# cache does not hold yet (the cache keeps 4,096 pages).
python3 - "$work/paths.txt" <<'PY'
import json, sys, urllib.request
def get(path):
    return json.load(urllib.request.urlopen("http://127.0.0.1:18181" + path))
with open(sys.argv[1], "w") as out:
    for group in get("/api/v1/groups?limit=500")["items"]:
        offset = 0
        while True:
            page = get(f"/api/v1/groups/{group['slug']}/meetings?limit=500&offset={offset}")
            for meeting in page["items"]:
                print(meeting["url"], file=out)
            offset += 500
            if offset >= page["total"]:
                break
PY
cat > "$work/cycle.lua" <<LUA
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local i = 0
request = function()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
LUA
echo "== rapporteur, every meeting in turn ($(wc -l < "$work/paths.txt") pages, mostly not cached)"
wrk -t2 -c32 -d"${seconds}s" --latency -s "$work/cycle.lua" "http://127.0.0.1:18181/" | grep -E "Requests/sec|Latency  |50%|90%|99%|requests in"
for target in "rapporteur http://127.0.0.1:18181$path" "nginx http://127.0.0.1:18182$path"; do
    set -- $target
    echo "== $1"
    wrk -t2 -c32 -d"${seconds}s" --latency "$2" > /dev/null   # warm-up
    wrk -t2 -c32 -d"${seconds}s" --latency "$2" | grep -E "Requests/sec|Latency  |50%|90%|99%|requests in"
done
