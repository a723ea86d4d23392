#!/usr/bin/env bash
# Runs every benchmark on a fresh machine with one command: installs what the benchmarks call (PostgreSQL,
# wrk) like scripts/test.sh, starts a PostgreSQL cluster of the benchmarks' own (port $REGISTRY_BENCH_PORT,
# default 5433, with pg_stat_statements), builds the bench in Release, then provisions a fresh database,
# seeds it, prints one table and writes the figures as JSON to artifacts/bench/ (see docs/benchmarks.md).
# Arguments go to the runner, e.g.  bench/run.sh --credentials 1000000 --states 50 --only api-reads
# The register import's size is $REGISTRY_BENCH_IMPORT_ROWS (default 100000), e.g.
#   REGISTRY_BENCH_IMPORT_ROWS=2000 bench/run.sh --credentials 2000 --states 5 --only register-import
# The database is $REGISTRY_BENCH_DATABASE (default registry_bench); it is dropped and recreated.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

printf '\n== PostgreSQL and wrk\n'
packages=()
command -v wrk >/dev/null 2>&1 || packages+=(wrk)
ensure_postgres "${packages[@]}"
port=${REGISTRY_BENCH_PORT:-5433}
ensure_bench_cluster "$port"
database=${REGISTRY_BENCH_DATABASE:-registry_bench}
recreate_database "$database" "$port"
REGISTRY_BENCH_POSTGRES=$(registry_connection "$database" "$port")
REGISTRY_BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || REGISTRY_BENCH_COMMIT+="+changes"
export REGISTRY_BENCH_POSTGRES REGISTRY_BENCH_COMMIT

printf '\n== Build (Release)\n'
dotnet build bench/Registry.Bench -c Release -nologo -clp:ErrorsOnly

printf '\n== Benchmarks\n'
dotnet bench/Registry.Bench/bin/Release/net10.0/Registry.Bench.dll run --output artifacts/bench "$@"
