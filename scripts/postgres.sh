# shellcheck shell=bash
# Sourced by scripts/test.sh and bench/run.sh: installs PostgreSQL if missing, starts the local cluster,
# and (re)creates a database owned by the role `registry` (password `registry_test`, CREATEDB).
# Never stops or restarts a running cluster: other checkouts may be using it. The benchmarks' own cluster
# (ensure_bench_cluster) is never the one the tests get.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

# Installs the server (with any extra packages named) if it is missing, then starts the first cluster.
ensure_postgres() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  missing+=("$@")
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  local cluster
  cluster=$(pg_lsclusters -h | awk '$2 != "bench" {print $1" "$2; exit}')
  if [ -z "$cluster" ]; then
    local version
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -1)
    as_root pg_createcluster "$version" main
    cluster="$version main"
  fi
  # shellcheck disable=SC2086 # "version name": two arguments
  as_root pg_ctlcluster $cluster start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  pg_isready -h 127.0.0.1
}

# recreate_database NAME [PORT]: makes sure the role exists, then drops NAME (if there) and creates it empty.
recreate_database() {
  local database=$1 port=${2:-5432}
  as_postgres psql -p "$port" -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'registry') THEN
    CREATE ROLE registry LOGIN PASSWORD 'registry_test' CREATEDB;
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $database WITH (FORCE);
CREATE DATABASE $database OWNER registry;
SQL
}

# registry_connection NAME [PORT]: the connection string for a database of the role `registry`.
registry_connection() {
  echo "Host=127.0.0.1;Port=${2:-5432};Database=$1;Username=registry;Password=registry_test;Include Error Detail=true"
}

# ensure_bench_cluster PORT: a cluster of its own for the benchmarks (named bench, same version as the first),
# created if missing with pg_stat_statements loaded, so the benchmarks can read PostgreSQL's own statement counts.
# Loading a library needs a restart, which the tests' running cluster must never get; this one serves only benchmarks.
ensure_bench_cluster() {
  local port=$1 version
  version=$(pg_lsclusters -h | awk '$2 != "bench" {print $1; exit}')
  if ! pg_lsclusters -h | awk '{print $2}' | grep -qx bench; then
    as_root pg_createcluster "$version" bench --port "$port" >/dev/null
    # Top-level plannable statements only (no BEGIN, COMMIT or DISCARD ALL): what EF Core sends as commands.
    as_root pg_conftool "$version" bench set shared_preload_libraries pg_stat_statements
    as_root pg_conftool "$version" bench set pg_stat_statements.track_utility off
  fi
  as_root pg_ctlcluster "$version" bench start >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p "$port"
  # In template1, so every database created later (the runner recreates its own) has the view.
  as_postgres psql -p "$port" -q -d template1 -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements'
}
