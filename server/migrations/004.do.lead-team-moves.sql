-- A lead moved to another team. The pull is state-based for leads and ordered by seq for events,
-- so without this the old team's replicas kept the lead (and its calls and consents) for good, and
-- the new team's replicas got the lead without its older calls and consents (their seqs are behind
-- those replicas' cursors: frequency caps and consent history counted without them). Each move is
-- a row here, read by the members of either team (stewards and managers see every team already):
-- the pull tells the old team's replicas to drop the lead, and sends the new team's the lead's
-- calls and consents with it (server/src/pull/pull.ts).

CREATE TABLE lead_team_moves (
  org_id uuid NOT NULL REFERENCES orgs (id),
  lead_id text NOT NULL,
  from_team uuid NOT NULL,
  to_team uuid NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (org_id, seq)
);
CREATE TRIGGER assign_seq BEFORE INSERT OR UPDATE ON lead_team_moves FOR EACH ROW EXECUTE FUNCTION assign_change_seq();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON lead_team_moves FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON lead_team_moves FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
ALTER TABLE lead_team_moves ENABLE ROW LEVEL SECURITY;
ALTER TABLE lead_team_moves FORCE ROW LEVEL SECURITY;
CREATE POLICY team_scope ON lead_team_moves
  USING (org_id = app_org_id() AND NOT app_org_wide()
         AND (from_team = ANY (app_team_ids()) OR to_team = ANY (app_team_ids())))
  WITH CHECK (org_id = app_org_id());
-- Read by the API; written only by the trigger below (a definer function), so no statement of the
-- API's can record a move that did not happen.
GRANT SELECT ON lead_team_moves TO leadledger_app;

-- Recorded by the move itself, in its transaction (whoever moves it: the API, or the owner's SQL).
CREATE FUNCTION record_team_move() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  INSERT INTO lead_team_moves (org_id, lead_id, from_team, to_team, seq)
  VALUES (NEW.org_id, NEW.id, OLD.team_id, NEW.team_id, 0);
  RETURN NULL;
END
$$;
CREATE TRIGGER record_team_move AFTER UPDATE OF team_id ON leads
  FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION record_team_move();
REVOKE ALL ON FUNCTION record_team_move() FROM PUBLIC;

-- A moved lead's calls and consents are read by lead (the pull sends them to its new team), as a
-- removal deletes them: by lead, not by scanning the organisation's events.
CREATE INDEX calls_lead ON calls (org_id, lead_id);
CREATE INDEX consents_lead ON consents (org_id, lead_id);
