-- A removed credential keeps its row, without a password (NULL), and its version is raised: a
-- version only ever rises for a user. Deleting the row (migration 003's removal) would let a
-- credential given to the user again start at version 1, which tokens issued before the removal
-- carry, and those would be valid again to the end of their working day. A password set again
-- (`npm run server:password`) restores a removed user's sign-in, at a new version.
ALTER TABLE credentials ALTER COLUMN password_hash DROP NOT NULL;

-- No password, no session: a removed credential answers no version.
CREATE OR REPLACE FUNCTION credential_version(p_user uuid, p_org uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT c.version FROM credentials c
   WHERE c.user_id = p_user AND c.org_id = p_org AND c.password_hash IS NOT NULL
$$;

-- A session's role and teams are the user's as they are now, read as the session opens, not the
-- ones its token was issued with: a user moved out of a team stops reading its leads at their next
-- request, not at their token's next refresh, and every tab and device of a user reads (and is told,
-- by each pulled page) the same scope whichever token it holds. With the credential's version, in
-- the one statement that opens the session. The organisation is set here first: users and
-- team_members are read under row-level security, which applies to the owner too (FORCE).
CREATE FUNCTION session_scope(p_user uuid, p_org uuid) RETURNS TABLE (cv integer, role text, team_ids text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM set_config('app.org_id', p_org::text, true);
  RETURN QUERY SELECT
    credential_version(p_user, p_org),
    (SELECT u.role FROM users u WHERE u.id = p_user AND u.org_id = p_org),
    (SELECT coalesce(string_agg(m.team_id::text, ',' ORDER BY m.team_id), '')
       FROM team_members m WHERE m.user_id = p_user AND m.org_id = p_org);
END
$$;
REVOKE ALL ON FUNCTION session_scope(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION session_scope(uuid, uuid) TO leadledger_app;
