-- An erasure reaches the server's copy of the audit trail. "Forget this person" on a device
-- replaces the details of that device's audit entries that held the person's values with a
-- redaction marker, and records a `forget` entry naming them (`after.redactedSeqs`). The device's
-- entries pushed before (an import's, an edit's) kept the person's values here for good, and every
-- replica that pulled the organisation's chain kept them too. Now, when a pushed `forget` entry
-- names earlier entries of the same device and the team's id of a lead erased here (`leadSyncId`),
-- the server replaces their details with the same marker
-- the device wrote (`{"redacted": true, "at": <the forget entry's at>}`, so the app's verifier
-- accepts it), in the push's transaction. Only the details change: the entry's hash (format 2
-- hashes a digest of the details, not the details), its place and the organisation chain stay, so
-- both chains still verify. The update takes a new seq (assign_seq), so every replica pulls the
-- redacted entry again in place of the one it held.

-- audit_entries stays append-only for every other change: only a redaction, of one device's
-- entry by that device's push, inside redact_audit_entries() below.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.device_id = current_setting('app.redacting_device', true)
     AND NEW.org_id = OLD.org_id AND NEW.device_id = OLD.device_id AND NEW.device_seq = OLD.device_seq
     AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash AND NEW.author_id = OLD.author_id
     AND NEW.org_position = OLD.org_position AND NEW.org_prev_hash = OLD.org_prev_hash
     AND NEW.org_hash = OLD.org_hash
     AND OLD.entry ? 'detailsHash'
     AND (NEW.entry - 'before' - 'after') = (OLD.entry - 'before' - 'after')
     AND NEW.entry -> 'before' = NEW.entry -> 'after'
     AND NEW.entry -> 'before' ->> 'redacted' = 'true'
     AND (SELECT count(*) FROM jsonb_object_keys(NEW.entry -> 'before')) = 2
     AND jsonb_typeof(NEW.entry -> 'before' -> 'at') = 'number' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
DROP TRIGGER append_only ON audit_entries;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

-- The entries `p_seqs` of device `p_device`, written by the session's user, redacted as of `p_at`
-- (format-2 entries only: a format-1 hash covers the details; already redacted ones are left as
-- they are; a `forget` entry never), for an erasure of lead `p_lead` the server holds (its removal
-- with reason `erase`): a forget entry cannot wipe a trail's details with no erasure behind it. A
-- redaction stays visible: the entry, its hash and the forget entry naming it are all kept.
-- Answers how many were redacted now.
CREATE FUNCTION redact_audit_entries(p_device text, p_seqs bigint[], p_at bigint, p_lead text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_marker jsonb := jsonb_build_object('redacted', true, 'at', p_at);
  v_count integer;
  v_role text := current_setting('app.role', true);
  v_erased boolean;
BEGIN
  -- Whichever team the lead was in (row-level security widened for this read, as removed_leads does).
  PERFORM set_config('app.role', 'steward', true);
  v_erased := EXISTS (SELECT 1 FROM lead_removals r
                       WHERE r.org_id = app_org_id() AND r.lead_id = p_lead AND r.reason = 'erase');
  PERFORM set_config('app.role', coalesce(v_role, ''), true);
  IF NOT v_erased THEN
    RETURN 0;
  END IF;
  PERFORM set_config('app.redacting_device', p_device, true);
  UPDATE audit_entries
     SET entry = entry || jsonb_build_object('before', v_marker, 'after', v_marker)
   WHERE org_id = app_org_id() AND device_id = p_device AND author_id = app_user_id()
     AND device_seq = ANY (p_seqs) AND entry ? 'detailsHash'
     AND coalesce(entry ->> 'action', '') <> 'forget'
     AND coalesce(entry -> 'before' ->> 'redacted', '') <> 'true';
  GET DIAGNOSTICS v_count = ROW_COUNT;
  PERFORM set_config('app.redacting_device', '', true);
  RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION redact_audit_entries(text, bigint[], bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION redact_audit_entries(text, bigint[], bigint, text) TO leadledger_app;
