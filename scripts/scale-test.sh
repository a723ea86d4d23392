#!/usr/bin/env bash
# The registry as a state runs it: two web servers on one PostgreSQL database, behind nginx (round robin,
# TLS, the sample docs/deployment/nginx.conf itself), counting rate limits in one Redis. Proves that what
# one server makes the other accepts (sign-in cookie, anti-forgery token, bearer token, evidence, a signed
# reset link), that both Hangfire servers run, and that the anonymous verification quota holds for the
# whole deployment (its waits allow for a busy machine). Builds nothing: scripts/test.sh has built; pass another Registry.Web.dll to use it.
# Starts everything it needs on free loopback ports and stops it all on exit; exits non-zero on any failure.
#
#   scripts/scale-test.sh [path/to/Registry.Web.dll]
set -euo pipefail
cd "$(dirname "$0")/.."
started_at=$SECONDS

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

dll=$(realpath "${1:-src/Registry.Web/bin/Debug/net10.0/Registry.Web.dll}")
[ -f "$dll" ] || { echo "No $dll: build first (scripts/test.sh builds)." >&2; exit 1; }
missing=()
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v curl >/dev/null 2>&1 || missing+=(curl)
ensure_postgres "${missing[@]}" >/dev/null
database=${REGISTRY_TEST_DATABASE:-registry}_scale
recreate_database "$database"

work=$(mktemp -d /tmp/registry-scale.XXXXXX)
chmod 755 "$work" # nginx's workers run as another user and keep their temporary files here
pids=()
failures=0

stop_all() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for log in "$work"/*.log "$work"/nginx/error.log; do
      [ -s "$log" ] && { printf '\n-- last lines of %s\n' "$log"; tail -n 25 "$log"; }
    done
  fi
  rm -rf "$work"
}
trap stop_all EXIT

stage() { printf '\n== %s (at %ss)\n' "$*" "$((SECONDS - started_at))"; }
ok() { printf '  ok    %s\n' "$*"; }
failed() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }
# check DESCRIPTION COMMAND...: runs the command and reports the description as proved or not.
check() { local description=$1; shift; if "$@"; then ok "$description"; else failed "$description"; fi; }

used_ports=" "
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    [[ $used_ports == *" $port "* ]] && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    used_ports+="$port "
    echo "$port"
    return
  done
}

# wait_until SECONDS DESCRIPTION COMMAND...: retries the command every half second until it succeeds, or says
# what it waited for and fails (which stops the script, unless the caller goes on).
wait_until() {
  local seconds=$1 description=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "Timed out after ${seconds}s waiting for $description." >&2; return 1; }
    sleep 0.5
  done
}

redis_port=$(free_port)
web1=$(free_port)
web2=$(free_port)
https_port=$(free_port)
http_port=$(free_port)
server1=http://127.0.0.1:$web1
server2=http://127.0.0.1:$web2
proxy=https://127.0.0.1:$https_port
quota=6

stage "Redis on $redis_port"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
wait_until 10 "redis-server" bash -c "[ \"\$(redis-cli -p $redis_port ping)\" = PONG ]"

# start_server NUMBER PORT: the registry in Development (demo data), its folders its own so that only the
# database and Redis are shared. nginx is on loopback, so loopback is its known proxy (the registry believes
# X-Forwarded-For from no one else); a caller straight on loopback is then counted as nginx's callers are.
start_server() {
  local number=$1 port=$2
  mkdir -p "$work/server$number"
  (
    cd src/Registry.Web
    exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Database__Provider=Postgres ConnectionStrings__Registry="$(registry_connection "$database")" \
      DataProtection__Store=Database Documents__Store=Database \
      DataProtection__KeysFolder="$work/server$number/keys" Documents__Root="$work/server$number/documents" \
      Mail__PickupDirectory="$work/server$number/mail" \
      Redis__Configuration="127.0.0.1:$redis_port" ReverseProxy__KnownProxies__0=127.0.0.1 \
      RateLimiting__Anonymous__PermitLimit=$quota RateLimiting__WindowSeconds=600 \
      Jobs__QueuePollInterval=00:00:01 Logging__LogLevel__Default=Warning \
      dotnet "$dll"
  ) >"$work/server$number.log" 2>&1 &
  pids+=($!)
}

# The first server migrates and seeds the demo data; the second starts on the finished database.
stage "Web server 1 on $web1 (migrates and seeds the demo data)"
start_server 1 "$web1"
wait_until 240 "server 1's /health" curl -fsS -o /dev/null "$server1/health"
stage "Web server 2 on $web2"
start_server 2 "$web2"
wait_until 240 "server 2's /health" curl -fsS -o /dev/null "$server2/health"

stage "nginx on $https_port (https) and $http_port (http), from docs/deployment/nginx.conf"
mkdir -p "$work/nginx/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$work/nginx/tls/privkey.pem" -out "$work/nginx/tls/fullchain.pem" 2>/dev/null
# Each value of the sample replaced must be there, so the test always runs the sample as documented.
render() {
  local from=$1 to=$2
  grep -qF -- "$from" "$work/nginx/registry.conf" || { echo "docs/deployment/nginx.conf no longer holds '$from'." >&2; exit 1; }
  sed -i "s|$from|$to|g" "$work/nginx/registry.conf"
}
cp docs/deployment/nginx.conf "$work/nginx/registry.conf"
render "10.0.1.11:8080" "127.0.0.1:$web1"
render "10.0.1.12:8080" "127.0.0.1:$web2"
render "listen 80;" "listen 127.0.0.1:$http_port;"
render "listen 443 ssl;" "listen 127.0.0.1:$https_port ssl;"
render "/etc/ssl/registry/" "$work/nginx/tls/"
cat >"$work/nginx/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 128; }
http {
    log_format upstream '\$request \$status \$upstream_addr';
    access_log $work/nginx/access.log upstream;
    client_body_temp_path $work/nginx/client_body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/registry.conf;
}
NGINX
nginx -t -q -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
wait_until 30 "nginx" curl -fsS -o /dev/null --cacert "$work/nginx/tls/fullchain.pem" "$proxy/health"

# call URL [curl options...]: prints the status; the body is in $work/body, the headers in $work/headers.
call() {
  local url=$1; shift
  curl -sS --max-time 30 --cacert "$work/nginx/tls/fullchain.pem" -o "$work/body" -D "$work/headers" -w '%{http_code}' "$@" "$url"
}
# The helpers that read an answer print nothing when it lacks what they look for; the check then fails.
header() { { grep -i "^$1:" "$work/headers" || true; } | head -1 | cut -d' ' -f2- | tr -d '\r'; }
form_token() { { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/body" || true; } | head -1 | sed 's/.*value="//; s/"$//'; }
form_field() { { grep -o "name=\"$1\" value=\"[^\"]*\"" "$work/body" || true; } | head -1 | sed 's/.*value="//; s/"$//'; }
json_field() { { grep -o "\"$1\":\"[^\"]*\"" "$work/body" || true; } | head -1 | cut -d'"' -f4; }
is() { [ "$1" = "$2" ] || { echo "    expected $2, got $1" >&2; return 1; }; }

demo_password=PeerSupport-Demo-2026
stage "What one server makes, the other accepts"

# Sign-in: the login form's anti-forgery token from server 2, posted to server 1; the cookie then used on 2.
jar=$work/applicant.jar
call "$server2/Account/Login" -b "$jar" -c "$jar" >/dev/null
token=$(form_token)
status=$(call "$server1/Account/Login" -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.Email=alex.rivera@example.org" --data-urlencode "Input.Password=$demo_password")
check "the login form's anti-forgery token from server 2 is accepted by server 1 (sign-in answers 302)" is "$status" 302
check "the sign-in cookie made by server 1 opens /Applications on server 2" is "$(call "$server2/Applications" -b "$jar")" 200
check "... and through nginx, on whichever server answers (twice)" \
  is "$(call "$proxy/Applications" -b "$jar")$(call "$proxy/Applications" -b "$jar")" 200200
call "$server1/Account/Logout" -b "$jar" >/dev/null
token=$(form_token)
check "a signed-in form's token from server 1 is accepted by server 2 (sign out answers 302)" \
  is "$(call "$server2/Account/Logout" -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token")" 302

# Evidence: uploaded through server 1 with a bearer token made there, downloaded from server 2.
printf '%%PDF-1.4\n%% registry scale test %s\n%%%%EOF\n' "$RANDOM$RANDOM" >"$work/evidence.pdf"
call "$server1/api/v1/auth/token" -H 'Content-Type: application/json' \
  --data "{\"email\":\"alex.rivera@example.org\",\"password\":\"$demo_password\"}" >/dev/null
bearer=$(json_field accessToken)
status=$(call "$server1/api/v1/documents" -H "Authorization: Bearer $bearer" -F "evidence=@$work/evidence.pdf;type=application/pdf")
document=$(json_field documentId)
check "evidence uploaded through server 1 (201)" is "$status" 201
status=$(call "$server2/api/v1/documents/$document" -H "Authorization: Bearer $bearer")
check "server 2 accepts server 1's bearer token and serves the same evidence" bash -c "[ $status = 200 ] && cmp -s '$work/evidence.pdf' '$work/body'"
status=$(call "$proxy/api/v1/documents/$document" -H "Authorization: Bearer $bearer")
check "... and so does nginx" bash -c "[ $status = 200 ] && cmp -s '$work/evidence.pdf' '$work/body'"

# A signed link: a password reset asked for on server 1, read from the outbox and used on server 2.
reset_jar=$work/reset.jar
call "$server1/Account/ForgotPassword" -c "$reset_jar" >/dev/null
token=$(form_token)
call "$server1/Account/ForgotPassword" -b "$reset_jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.Email=taylor.kim@example.org" >/dev/null
call "$server2/Development/Mail" >/dev/null
link=$({ grep -oE 'href="[^"]*/Account/ResetPassword\?[^"]*taylor\.kim(@|%40)example\.org[^"]*"' "$work/body" || true; } | head -1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
check "server 2's Development outbox shows the reset link server 1 wrote" test -n "$link"
path=/${link#*://*/}
call "$server2$path" -c "$reset_jar" -b "$reset_jar" >/dev/null
token=$(form_token)
code=$(form_field Input.Code)
new_password=Scale-Test-Reset-2026
status=$(call "$server2/Account/ResetPassword" -b "$reset_jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.Code=$code" --data-urlencode "Input.Email=taylor.kim@example.org" \
  --data-urlencode "Input.Password=$new_password" --data-urlencode "Input.ConfirmPassword=$new_password")
check "the reset link made by server 1 works on server 2 (the new password is set: 302)" is "$status" 302
check "... and the new password signs in through nginx" \
  is "$(call "$proxy/api/v1/auth/token" -H 'Content-Type: application/json' --data "{\"email\":\"taylor.kim@example.org\",\"password\":\"$new_password\"}")" 200

stage "Jobs and rate limits for the whole deployment"
hangfire_servers() { as_postgres psql -d "$database" -tAc "SELECT count(*) FROM hangfire.server"; }
two_hangfire_servers() { [ "$(hangfire_servers)" = 2 ]; }
wait_until 60 "two Hangfire servers" two_hangfire_servers || true
check "both Hangfire servers are running on the one job storage (two rows in hangfire.server)" is "$(hangfire_servers)" 2

# The anonymous quota, counted in Redis: its requests split over server 1, server 2 and nginx, then refused on each.
verification=/api/v1/verifications/TN-CPRS-000001
targets=("$server1" "$server2" "$proxy")
statuses="" left="" expected_left=""
for i in $(seq 1 $quota); do
  statuses+="$(call "${targets[$(((i - 1) % 3))]}$verification") "
  left+="$(header RateLimit | sed 's/.*r=\([0-9]*\).*/\1/') "
  expected_left+="$((quota - i)) "
done
check "$quota anonymous verifications spread over server 1, server 2 and nginx are answered ($statuses)" \
  bash -c "! [[ '$statuses' == *429* ]] && ! [[ '$statuses' == *5??* ]]"
check "... and every answer's RateLimit header counts all of them (left: $left)" is "$left" "$expected_left"
for target in "$server1" "$server2" "$proxy"; do
  status=$(call "$target$verification")
  check "the next one is refused by $target (429, Retry-After $(header Retry-After), $(header RateLimit))" \
    bash -c "[ $status = 429 ] && [ -n '$(header Retry-After)' ]"
done

stage "nginx"
check "nginx sent requests to both servers (round robin)" \
  bash -c "grep -q ' 127.0.0.1:$web1\$' '$work/nginx/access.log' && grep -q ' 127.0.0.1:$web2\$' '$work/nginx/access.log'"
status=$(call "http://127.0.0.1:$http_port/Verify")
check "plain http is sent to https (301 to $(header Location))" bash -c "[ $status = 301 ] && [[ '$(header Location)' == https://* ]]"

echo
elapsed=$((SECONDS - started_at))
if [ "$failures" -ne 0 ]; then
  echo "Scale test: $failures check(s) failed (${elapsed}s)."
  exit 1
fi
echo "Scale test: every check passed (${elapsed}s)."
