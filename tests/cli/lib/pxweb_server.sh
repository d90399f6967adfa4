# Sourced by the fetch tests: starts the local PxWebApi test server
# (tests/data/fetch/server.py on 127.0.0.1; never the internet) and sets
# D (its data folder), T (a temporary folder, removed at exit), PID and API.
D=${GIDX_TEST_DATA:-$(dirname "$0")/../data}/fetch
T=$(mktemp -d /tmp/gidx-cli-fetch.XXXXXX)
/usr/bin/python3 "$D/server.py" "$T/port" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$T"' EXIT INT TERM
i=0
while [ ! -s "$T/port" ]; do
  i=$((i + 1)); [ $i -gt 200 ] && { echo "server did not start"; exit 1; }
  sleep 0.05
done
API="http://127.0.0.1:$(cat "$T/port")/api/pxwebapi/v2"
