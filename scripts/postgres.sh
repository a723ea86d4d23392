# Sourced by scripts/test.sh and bench/run.sh: installs PostgreSQL if missing, starts the local cluster,
# and (re)creates a database owned by the role `registry` (password `registry_test`, CREATEDB).
# Never stops or restarts a running cluster: other checkouts may be using it.

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
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ]; then
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    as_root pg_createcluster "$version" main
    cluster="$version main"
  fi
  as_root pg_ctlcluster $cluster start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  pg_isready -h 127.0.0.1
}

# recreate_database NAME: makes sure the role exists, then drops NAME (if there) and creates it empty.
recreate_database() {
  local database=$1
  as_postgres psql -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'registry') THEN
    CREATE ROLE registry LOGIN PASSWORD 'registry_test' CREATEDB;
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $database WITH (FORCE);
CREATE DATABASE $database OWNER registry;
SQL
}

# The connection string for a database of the role `registry`.
registry_connection() {
  echo "Host=127.0.0.1;Port=5432;Database=$1;Username=registry;Password=registry_test;Include Error Detail=true"
}
