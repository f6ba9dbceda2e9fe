-- A credential's version, raised whenever its password is set again. Every token carries the
-- version it was issued under, and every request (push, pull, refresh) checks it against the
-- credential as it is now: a password changed, or a credential deleted (a user removed), ends
-- every session issued before, at the next request, instead of leaving the old tokens valid and
-- refreshable to the end of their working day.
ALTER TABLE credentials ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);

-- The API role cannot read credentials: one narrow definer function answers a user's current
-- version (NULL: no credential, so no session), nothing else of the row.
CREATE FUNCTION credential_version(p_user uuid, p_org uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT c.version FROM credentials c WHERE c.user_id = p_user AND c.org_id = p_org
$$;
REVOKE ALL ON FUNCTION credential_version(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION credential_version(uuid, uuid) TO leadledger_app;
