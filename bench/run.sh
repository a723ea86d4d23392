#!/usr/bin/env bash
# Runs the benchmarks on a fresh machine: installs and starts PostgreSQL like scripts/test.sh, builds
# the bench in Release, then provisions a fresh database, seeds it and prints one table of figures.
# Arguments go to the runner, e.g.  bench/run.sh --credentials 1000000 --states 50 --only api-reads
# The register import's size is $REGISTRY_BENCH_IMPORT_ROWS (default 100000), e.g.
#   REGISTRY_BENCH_IMPORT_ROWS=2000 bench/run.sh --credentials 2000 --states 5 --only register-import
# The database is $REGISTRY_BENCH_DATABASE (default registry_bench); it is dropped and recreated.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

printf '\n== PostgreSQL\n'
ensure_postgres
database=${REGISTRY_BENCH_DATABASE:-registry_bench}
recreate_database "$database"
export REGISTRY_BENCH_POSTGRES=$(registry_connection "$database")

printf '\n== Build (Release)\n'
dotnet build bench/Registry.Bench -c Release -nologo -clp:ErrorsOnly

printf '\n== Benchmarks\n'
dotnet bench/Registry.Bench/bin/Release/net10.0/Registry.Bench.dll run "$@"
