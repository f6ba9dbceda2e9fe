-- Lead removals: a deletion, a retention purge or a GDPR erasure made on one device reaches every
-- device of the organisation. The lead's row and its calls and consents are deleted here too (an
-- erasure must not leave the person's history on the server); what stays is a tombstone naming
-- the lead's opaque id, its team and why, so the pull stream tells every replica to drop it and a
-- later write to that lead (an offline edit, a call logged before the removal arrived) is refused
-- instead of bringing the person back. DNC entries stay: a block is never removed by sync.

CREATE TABLE lead_removals (
  org_id uuid NOT NULL REFERENCES orgs (id),
  lead_id text NOT NULL,
  team_id uuid NOT NULL,
  reason text NOT NULL CHECK (reason IN ('delete', 'purge', 'erase')),
  at bigint NOT NULL,
  author_id uuid NOT NULL,
  device_id text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (org_id, lead_id)
);
CREATE INDEX lead_removals_seq ON lead_removals (org_id, seq);
CREATE TRIGGER assign_seq BEFORE INSERT OR UPDATE ON lead_removals FOR EACH ROW EXECUTE FUNCTION assign_change_seq();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON lead_removals FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON lead_removals FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
ALTER TABLE lead_removals ENABLE ROW LEVEL SECURITY;
ALTER TABLE lead_removals FORCE ROW LEVEL SECURITY;
-- A removal is seen by whoever could see the lead.
CREATE POLICY team_scope ON lead_removals
  USING (org_id = app_org_id() AND (app_org_wide() OR team_id = ANY (app_team_ids())))
  WITH CHECK (org_id = app_org_id() AND author_id = app_user_id());

-- Calls and consents stay append-only for every writer, with one exception: the removal of their
-- lead, inside remove_lead() below, which marks its transaction with the lead it removes (the API
-- role has no DELETE privilege on them, so only remove_lead, running as the owner, gets here).
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.lead_id = current_setting('app.removing_lead', true) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
DROP TRIGGER append_only ON calls;
DROP TRIGGER append_only ON consents;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON calls FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON consents FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

-- A quarantined write of a lead holds the person's values in its payload. When the lead is
-- removed, those payloads are cut down to their ids (the row, its reason and its seq stay); that
-- is the one change the quarantine table accepts, and only inside remove_lead(). A quarantine row
-- keeps the seq it was inserted with: its author already pulled it.
CREATE FUNCTION refuse_quarantine_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.payload ? 'redacted' AND NEW.mutation_id = OLD.mutation_id AND NEW.reason = OLD.reason
       AND quarantined_lead(OLD.payload) = current_setting('app.removing_lead', true) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
-- The lead a quarantined payload writes to (lead.put, lead.remove, call.add, consent.add).
CREATE FUNCTION quarantined_lead(p jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT coalesce(p ->> 'leadId', p -> 'call' ->> 'leadId', p -> 'consent' ->> 'leadId') $$;
DROP TRIGGER append_only ON quarantine;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON quarantine FOR EACH ROW EXECUTE FUNCTION refuse_quarantine_change();
DROP TRIGGER assign_seq ON quarantine;
CREATE TRIGGER assign_seq BEFORE INSERT ON quarantine FOR EACH ROW EXECUTE FUNCTION assign_change_seq();
CREATE POLICY owner_redacts ON quarantine FOR UPDATE USING (org_id = app_org_id());

-- Removes one lead the session can see (row-level security applies inside: FORCE covers the
-- owner). Stewards, managers and team leads may remove; agents may not. Returns false when the
-- lead was already removed (a replay, or two devices removing it), true when removed now.
CREATE FUNCTION remove_lead(p_lead text, p_reason text, p_at bigint, p_device text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_team uuid;
BEGIN
  IF coalesce(current_setting('app.role', true), '') NOT IN ('steward', 'manager', 'team_lead') THEN
    RAISE EXCEPTION 'role % may not remove leads', current_setting('app.role', true) USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF EXISTS (SELECT 1 FROM lead_removals WHERE org_id = app_org_id() AND lead_id = p_lead) THEN
    RETURN false;
  END IF;
  SELECT team_id INTO v_team FROM leads WHERE org_id = app_org_id() AND id = p_lead FOR UPDATE;
  IF v_team IS NULL THEN
    RAISE EXCEPTION 'lead % is not held or not visible', p_lead USING ERRCODE = 'foreign_key_violation';
  END IF;
  PERFORM set_config('app.removing_lead', p_lead, true);
  DELETE FROM calls WHERE org_id = app_org_id() AND lead_id = p_lead;
  DELETE FROM consents WHERE org_id = app_org_id() AND lead_id = p_lead;
  UPDATE quarantine
     SET payload = jsonb_build_object('id', payload -> 'id', 'type', payload -> 'type', 'leadId', p_lead,
                                      'redacted', p_reason)
   WHERE org_id = app_org_id() AND quarantined_lead(payload) = p_lead AND NOT payload ? 'redacted';
  PERFORM set_config('app.removing_lead', '', true);
  DELETE FROM leads WHERE org_id = app_org_id() AND id = p_lead;
  INSERT INTO lead_removals (org_id, lead_id, team_id, reason, at, author_id, device_id)
  VALUES (app_org_id(), p_lead, v_team, p_reason, p_at, app_user_id(), p_device);
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION remove_lead(text, text, bigint, text) FROM PUBLIC;

-- Which of these lead ids were removed, whichever team they were in (a write to any of them is
-- refused). Only ids the caller already names are answered.
CREATE FUNCTION removed_leads(p_ids text[]) RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE was text := current_setting('app.role', true);
BEGIN
  -- Row-level security applies to the owner too (FORCE): widened to the organisation for this read.
  PERFORM set_config('app.role', 'steward', true);
  RETURN QUERY SELECT r.lead_id FROM lead_removals r WHERE r.org_id = app_org_id() AND r.lead_id = ANY (p_ids);
  PERFORM set_config('app.role', coalesce(was, ''), true);
END
$$;
REVOKE ALL ON FUNCTION removed_leads(text[]) FROM PUBLIC;

-- Migration 001's definer functions resolved unqualified names through `public` only, which
-- PostgreSQL searches after the session's temporary schema: a session could have shadowed `leads`
-- or `credentials` with a temporary table of its own. The temporary schema goes last.
ALTER FUNCTION auth_lookup(text) SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION block_number(text, text) SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION audit_entries_org_head() SET search_path = pg_catalog, public, pg_temp;

GRANT EXECUTE ON FUNCTION remove_lead(text, text, bigint, text), removed_leads(text[]) TO leadledger_app;
GRANT SELECT ON lead_removals TO leadledger_app;
