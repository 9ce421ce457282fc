#!/usr/bin/env bash
# Runs once, when the data directory is created, as the superuser POSTGRES_USER over the local socket.
# The services connect as TASKER_DB_USER: the owner of POSTGRES_DB (so Flyway can create and migrate the
# schema) but no superuser, and unable to create databases or roles. The superuser is refused over TCP: only
# `docker compose exec postgres psql -U postgres` (the socket) reaches it.
# Credentials come from the environment only; nothing is baked into the image.
# Sourced by some entrypoints, so no `set` here: psql's ON_ERROR_STOP and the exit code stop initialisation.

if [[ -z ${TASKER_DB_USER:-} || -z ${TASKER_DB_PASSWORD:-} ]]; then
  echo "error: set TASKER_DB_USER and TASKER_DB_PASSWORD (the role the Tasker services connect as)" >&2
  exit 1
fi
if [[ $TASKER_DB_USER == "${POSTGRES_USER:-postgres}" ]]; then
  echo "error: TASKER_DB_USER must differ from POSTGRES_USER, the superuser" >&2
  exit 1
fi

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
     --set app_user="$TASKER_DB_USER" --set app_password="$TASKER_DB_PASSWORD" \
     --set app_db="${POSTGRES_DB:-postgres}" <<'SQL'
-- Keep CREATE ROLE ... PASSWORD out of pg_stat_statements (preloaded during init by some entrypoints).
SET pg_stat_statements.track_utility = off;
CREATE ROLE :"app_user" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD :'app_password';
ALTER DATABASE :"app_db" OWNER TO :"app_user";
-- Extensions need the superuser. Statement statistics are for operators; the role sees its own statements.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
SQL
status=$?
if [[ $status -ne 0 ]]; then
  exit "$status"
fi

# Before the generic "host all all all" line the entrypoint added: the superuser never logs in over TCP.
hba="$PGDATA/pg_hba.conf"
{ printf 'host all %s 0.0.0.0/0 reject\nhost all %s ::/0 reject\n' "${POSTGRES_USER:-postgres}" "${POSTGRES_USER:-postgres}"
  cat "$hba"; } > "$hba.new" && mv "$hba.new" "$hba"
