# Sourced by the imaging benchmarks: drive a real Memento.Server (Release build) the way a script would.
# Needs: $root (repository root), $work (scratch directory), curl, python3.

# server_build: Release build of the server into $work/server.
server_build() { dotnet build -c Release "$root/Memento.Server" -o "$work/server" >/dev/null; }

# server_start PORT: fresh data directory, an admin "bench", the server started under GNU time (stderr in
# $work/server-time.txt); sets server_url, server_pid, server_timer, token (an API token of the admin).
server_start() {
  server_url="http://127.0.0.1:$1"
  rm -rf "$work/data"; mkdir -p "$work/data"
  export MEMENTO_DATA="$work/data" ASPNETCORE_URLS="$server_url" ASPNETCORE_ENVIRONMENT=Production
  echo "bench-password-123" | dotnet "$work/server/Memento.Server.dll" create-admin bench >/dev/null
  /usr/bin/time -v dotnet "$work/server/Memento.Server.dll" > "$work/server.log" 2> "$work/server-time.txt" &
  server_timer=$!
  until curl -sf "$server_url/health" >/dev/null; do sleep 0.2; done
  server_pid=$(pgrep -f "$work/server/Memento.Server.dll" | grep -v "^$server_timer$" | head -1)
  token=$(gql '{"query":"mutation { login(input: {username: \"bench\", password: \"bench-password-123\", mode: TOKEN}) { token } }"}' \
    | json 'd["data"]["login"]["token"]')
}

# server_cpu: CPU ticks (1/100 s) the server process has used so far.
server_cpu() { python3 -c "import sys; s = open('/proc/$server_pid/stat').read(); f = s[s.rindex(')') + 2:].split(); print(int(f[11]) + int(f[12]))"; }

# server_idle: waits (up to 30 s) until the server uses under 2 % of a core for a second.
server_idle() {
  local before now
  before=$(server_cpu)
  for _ in $(seq 30); do sleep 1; now=$(server_cpu); [ $((now - before)) -le 1 ] && return; before=$now; done
}

# median: the middle of the numbers on stdin, one per line (the lower middle for an even count).
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

server_stop() { kill "$server_pid"; wait "$server_timer" || true; }

# gql JSON-BODY: POST to /graphql with the admin's token (if set); prints the response.
gql() { curl -sf -H 'Content-Type: application/json' ${token:+-H "Authorization: Bearer $token"} --data "$1" "$server_url/graphql"; }

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# new_project NAME: prints the id.
new_project() { gql "{\"query\":\"mutation { createProject(input: {name: \\\"$1\\\"}) { project { id } } }\"}" | json 'd["data"]["createProject"]["project"]["id"]'; }

# upload PROJECT FILE FORMAT: GraphQL multipart upload; prints the image id.
upload() {
  curl -sf -H "Authorization: Bearer $token" -H 'GraphQL-preflight: 1' \
    -F "operations={\"query\":\"mutation(\$f: Upload!) { uploadImage(input: {projectId: $1, name: \\\"$(basename "$2")\\\", format: $3, file: \$f}) { image { id } } }\",\"variables\":{\"f\":null}}" \
    -F 'map={"0":["variables.f"]}' -F "0=@$2" "$server_url/graphql" | json 'd["data"]["uploadImage"]["image"]["id"]'
}

# image_field ID FIELD: prints one field of the image.
image_field() { gql "{\"query\":\"{ image(id: $1) { $2 } }\"}" | json "d['data']['image']['$2']"; }
