#!/usr/bin/env bash
# Runs every test of the registry on a fresh machine: installs and starts what the tests need
# (PostgreSQL, Chromium), restores the tools, builds once, checks the migrations of all three
# providers, then runs each test project against real databases and a real browser.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
step() { printf '\n== %s\n' "$*"; }

step "System packages (PostgreSQL, Chromium)"
missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}" fonts-liberation
fi

step "PostgreSQL"
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  as_root pg_createcluster "$version" main
  cluster="$version main"
fi
as_root pg_ctlcluster $cluster start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
pg_isready -h 127.0.0.1
database=${REGISTRY_TEST_DATABASE:-registry_test}
as_postgres psql -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'registry') THEN
    CREATE ROLE registry LOGIN PASSWORD 'registry_test' CREATEDB;
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $database WITH (FORCE);
CREATE DATABASE $database OWNER registry;
SQL
export REGISTRY_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Database=$database;Username=registry;Password=registry_test;Include Error Detail=true"

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
run_tests() {
  local label=$1; shift
  step "Tests: $label"
  dotnet test "$@" --no-build -nologo 2>&1 | tee -a "$results"
  return "${PIPESTATUS[0]}"
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

passed=$(grep -oE 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
rm -f "$results"
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
