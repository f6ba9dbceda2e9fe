#!/usr/bin/env bash
# The team-edition server on this machine's PostgreSQL 15, in two commands:
#   npm run team:setup   start the cluster, create the owner and API logins and the database (once),
#                        write server/.env.local (random passwords and token secret), migrate, and
#                        create an organisation "Demo team" with a steward whose sign-in it prints
#   npm run team:start   start the server with server/.env.local (listens on :4361; CORS allows the
#                        app on :4173 unless CORS_ORIGINS says otherwise)
set -euo pipefail
cd "$(dirname "$0")/../.."
ENV_FILE=server/.env.local
DB=${TEAM_DB:-leadledger}

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA $*"; }

setup() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is not installed (Debian: apt-get install -y postgresql)." >&2
    exit 1
  fi
  pg_ctlcluster 15 main start 2>/dev/null || true
  if [ -f "$ENV_FILE" ]; then
    echo "$ENV_FILE exists: the team edition is set up already (delete it and the database '$DB' to start over)."
    return
  fi
  local owner_pw api_pw secret steward_pw
  owner_pw=$(openssl rand -hex 16)
  api_pw=$(openssl rand -hex 16)
  secret=$(openssl rand -hex 32)
  steward_pw=$(openssl rand -base64 18 | tr -d '/+=')
  psql_admin "-c \"DO \\\$\\\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'leadledger_app') THEN CREATE ROLE leadledger_app NOLOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'leadledger_owner') THEN CREATE ROLE leadledger_owner LOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'leadledger_api') THEN CREATE ROLE leadledger_api LOGIN IN ROLE leadledger_app; END IF;
    ALTER ROLE leadledger_owner PASSWORD '$owner_pw';
    ALTER ROLE leadledger_api PASSWORD '$api_pw';
  END \\\$\\\$;\""
  if [ -z "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$DB'\"")" ]; then
    psql_admin "-c \"CREATE DATABASE $DB OWNER leadledger_owner\""
  fi
  umask 077
  cat >"$ENV_FILE" <<ENV
MIGRATION_DATABASE_URL=postgres://leadledger_owner:$owner_pw@127.0.0.1/$DB
DATABASE_URL=postgres://leadledger_api:$api_pw@127.0.0.1/$DB
JWT_SECRET=$secret
ENV
  set -a && . "$ENV_FILE" && set +a
  npx tsx server/src/bootstrap.ts "Demo organisation" "Demo team" steward@demo.test "$steward_pw" >/dev/null
  echo "Team edition ready. Sign in as steward@demo.test with: $steward_pw"
  echo "Settings are in $ENV_FILE. Start the server with: npm run team:start"
}

start() {
  if [ ! -f "$ENV_FILE" ]; then
    echo "Run npm run team:setup first." >&2
    exit 1
  fi
  pg_ctlcluster 15 main start 2>/dev/null || true
  set -a && . "$ENV_FILE" && set +a
  # The app as `npm start` serves it may call the API from the browser (CORS).
  export CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:4173 http://127.0.0.1:4173}"
  exec npx tsx server/src/main.ts
}

case "${1:-}" in
  setup) setup ;;
  start) start ;;
  *) echo "usage: team-local.sh setup|start" >&2; exit 2 ;;
esac
