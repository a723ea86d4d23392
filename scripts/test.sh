#!/usr/bin/env bash
# Runs every test of the registry on a fresh machine: installs and starts what the tests need
# (PostgreSQL, Chromium, nginx, Redis), restores the tools, builds once, checks the migrations of all
# three providers, then runs each test project against real databases and a real browser, and the
# scale test (two web servers behind nginx, scripts/scale-test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

step "PostgreSQL (and Chromium for the browser tests, nginx and Redis for the scale test)"
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium fonts-liberation)
command -v nginx >/dev/null 2>&1 || packages+=(nginx)
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
ensure_postgres "${packages[@]}"
database=${REGISTRY_TEST_DATABASE:-registry_test}
recreate_database "$database"
export REGISTRY_TEST_POSTGRES=$(registry_connection "$database")

step "Build"
dotnet tool restore
dotnet build Registry.sln -nologo -clp:ErrorsOnly

step "Migrations match the model for every provider"
mkdir -p artifacts
for provider in Sqlite Postgres SqlServer; do
  dotnet ef migrations has-pending-model-changes --no-build \
    --project src/Registry.Infrastructure --startup-project src/Registry.Infrastructure --context "${provider}RegistryDbContext"
done
# No SQL Server runs here: its idempotent script is what a deployment applies, so generate it every time.
dotnet ef migrations script --idempotent --no-build \
  --project src/Registry.Infrastructure --startup-project src/Registry.Infrastructure \
  --context SqlServerRegistryDbContext --output artifacts/sqlserver-idempotent.sql
grep -q 'CREATE TABLE \[Credentials\]' artifacts/sqlserver-idempotent.sql

results=$(mktemp)
# Each run also writes a .trx under artifacts/test-results; the slowest tests of the run are printed after it,
# so a suite that has grown slow says where its time went.
run_tests() {
  local label=$1; shift
  step "Tests: $label"
  local trx
  trx="$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-').trx"
  local code=0
  dotnet test "$@" --no-build -nologo --results-directory artifacts/test-results --logger "trx;LogFileName=$trx" 2>&1 | tee -a "$results" || code=$?
  slowest "artifacts/test-results/$trx"
  return "$code"
}

# The ten longest tests of a .trx (duration="hh:mm:ss.fffffff" on each UnitTestResult).
slowest() {
  [ -f "$1" ] || return 0
  echo "Slowest tests:"
  grep -o '<UnitTestResult [^>]*>' "$1" \
    | sed -E 's/.*testName="([^"]*)".*duration="([0-9:.]*)".*/\2 \1/' \
    | awk '{ split($1, t, ":"); printf "%8.1f s  %s\n", t[1]*3600 + t[2]*60 + t[3], substr($0, index($0, " ") + 1) }' \
    | sort -rn | head -10
}

status=0
run_tests "domain" tests/Registry.Domain.Tests || status=1
run_tests "architecture" tests/Registry.Architecture.Tests || status=1
REGISTRY_TEST_PROVIDER=Postgres run_tests "application on PostgreSQL" tests/Registry.Application.Tests || status=1
REGISTRY_TEST_PROVIDER=Sqlite run_tests "application on SQLite" tests/Registry.Application.Tests || status=1
if [ -n "${REGISTRY_TEST_SQLSERVER:-}" ]; then
  REGISTRY_TEST_PROVIDER=SqlServer run_tests "application on SQL Server" tests/Registry.Application.Tests || status=1
fi
run_tests "web host on PostgreSQL" tests/Registry.Web.Tests || status=1
run_tests "browser (Chromium, axe)" tests/Registry.Browser.Tests || status=1
step "Scale: two web servers behind nginx, one database, one Redis"
scripts/scale-test.sh || status=1

passed=$(grep -oE 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
rm -f "$results"
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
