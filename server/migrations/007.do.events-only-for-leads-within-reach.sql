-- A call or a consent names its lead by the team's id. Until now the server took one for any lead
-- id: an agent of one team could add calls or consents to another team's lead (a consent that made
-- it callable, calls that filled its frequency cap), which that team's replicas then pulled and
-- judged by. Row-level security kept such a lead unreadable, not unwritable-to.
--
-- Now a team lead's or agent's call or consent is taken only for a lead within their reach: one of
-- their teams holds it now, or the server does not hold it at all (its lead.put may come later in
-- the same outbox; a removed lead is refused on its own, as before). A call is also taken from a
-- team that held the lead before a move (a call made before the lead moved away is still a call
-- that happened, and counts against the person's frequency cap); a consent granted or renewed is
-- not (it would make another team's lead callable). A withdrawal is taken for any lead of the
-- organisation: refusing it would keep the person callable against their word (it only ever
-- restricts, as a DNC block does). Stewards and managers reach every team's leads. The push
-- answers an event out of reach with a refusal, quarantined and shown to its author: the insert
-- policies below hold the rule, whatever the API code does, and the API names their refusal.

-- The lead ids of `p_ids` the server holds that the session's user cannot reach (none for the
-- organisation-wide roles); `p_former`: a team that held the lead before a move reaches it too.
-- Leads are read widened to the organisation (FORCE applies to the owner too), the user's own
-- moves under the user's role: a move is readable by the members of either of its teams.
CREATE FUNCTION leads_out_of_reach(p_ids text[], p_former boolean) RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  was text := current_setting('app.role', true);
  teams uuid[] := app_team_ids();
  elsewhere text[];
BEGIN
  IF app_org_wide() OR app_org_id() IS NULL THEN
    RETURN;
  END IF;
  PERFORM set_config('app.role', 'steward', true);
  SELECT coalesce(array_agg(l.id), '{}') INTO elsewhere FROM leads l
   WHERE l.org_id = app_org_id() AND l.id = ANY (p_ids) AND NOT (l.team_id = ANY (coalesce(teams, '{}')));
  PERFORM set_config('app.role', coalesce(was, ''), true);
  IF cardinality(elsewhere) = 0 THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT e FROM unnest(elsewhere) AS e
   WHERE NOT p_former
      OR NOT EXISTS (SELECT 1 FROM lead_team_moves m
                      WHERE m.org_id = app_org_id() AND m.lead_id = e AND m.from_team = ANY (coalesce(teams, '{}')));
END
$$;
REVOKE ALL ON FUNCTION leads_out_of_reach(text[], boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION leads_out_of_reach(text[], boolean) TO leadledger_app;

-- The same rule in the insert policies. A lead the user reads (one of their teams holds it: the
-- subquery reads leads under leads' own policy) is within reach without the definer function,
-- which runs only for the rest: a push of calls for the user's own leads, the common case, pays one
-- index lookup a row.
DROP POLICY write_own ON calls;
CREATE POLICY write_own ON calls FOR INSERT
  WITH CHECK (org_id = app_org_id() AND author_id = app_user_id()
              AND (app_org_wide()
                   OR EXISTS (SELECT 1 FROM leads l WHERE l.org_id = calls.org_id AND l.id = calls.lead_id)
                   OR NOT EXISTS (SELECT 1 FROM leads_out_of_reach(ARRAY[lead_id], true))));
DROP POLICY write_own ON consents;
CREATE POLICY write_own ON consents FOR INSERT
  WITH CHECK (org_id = app_org_id() AND author_id = app_user_id()
              AND (app_org_wide()
                   OR body ->> 'kind' = 'withdrawn'
                   OR EXISTS (SELECT 1 FROM leads l WHERE l.org_id = consents.org_id AND l.id = consents.lead_id)
                   OR NOT EXISTS (SELECT 1 FROM leads_out_of_reach(ARRAY[lead_id], false))));
