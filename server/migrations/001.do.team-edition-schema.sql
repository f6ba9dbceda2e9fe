-- Team edition: the shared system of record. Every table is scoped by organisation and guarded by
-- row-level security (ENABLE + FORCE). The API connects as a login that is a member of
-- leadledger_app: not a superuser, no BYPASSRLS, not the owner of these tables.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'leadledger_app') THEN
    CREATE ROLE leadledger_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;

-- Session settings (set with SET LOCAL / set_config(..., true) inside each request's transaction).
-- A missing setting reads as NULL, so every policy fails closed.
CREATE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app_team_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
  $$ SELECT coalesce(string_to_array(nullif(current_setting('app.team_ids', true), ''), ',')::uuid[], '{}') $$;
-- Stewards and managers see every team of their organisation; team leads and agents their teams.
CREATE FUNCTION app_org_wide() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT coalesce(current_setting('app.role', true) IN ('steward', 'manager'), false) $$;

-- One sequence for every change the pull stream carries; assigned under a per-organisation
-- advisory lock held to commit, so within an organisation seq order is commit order.
CREATE SEQUENCE change_seq AS bigint;

CREATE FUNCTION assign_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(4361, hashtext(NEW.org_id::text));
  NEW.seq := nextval('change_seq');
  RETURN NEW;
END
$$;

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TABLE orgs (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (id)
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs (id),
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('steward', 'manager', 'team_lead', 'agent')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Password hashes apart from users: RLS enabled but NOT forced and no grant to the API role, so only
-- the owner reads it, through auth_lookup() below.
CREATE TABLE credentials (
  email text PRIMARY KEY CHECK (email = lower(email)),
  user_id uuid NOT NULL UNIQUE REFERENCES users (id),
  org_id uuid NOT NULL REFERENCES orgs (id),
  password_hash text NOT NULL
);
ALTER TABLE credentials ENABLE ROW LEVEL SECURITY;

CREATE TABLE team_members (
  org_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (org_id, team_id, user_id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id)
);

-- Leads: current state only (no history), one value and one hybrid-logical-clock stamp per field.
CREATE TABLE leads (
  org_id uuid NOT NULL,
  id text NOT NULL,
  team_id uuid NOT NULL,
  phone_e164 text NOT NULL,
  fields jsonb NOT NULL,
  clocks jsonb NOT NULL,
  created_by uuid NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id)
);
CREATE INDEX leads_org_seq ON leads (org_id, seq);
CREATE INDEX leads_org_phone ON leads (org_id, phone_e164);

-- Append-only events. Each row is keyed by its client-generated id.
CREATE TABLE calls (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id text NOT NULL,
  lead_id text NOT NULL,
  at bigint NOT NULL,
  body jsonb NOT NULL,
  author_id uuid NOT NULL,
  device_id text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TABLE consents (LIKE calls INCLUDING ALL);
-- DNC entries (a number added to the internal list) and requests (a person asked on a call).
-- There is no removal: a block, once synced, stays.
CREATE TABLE dnc_entries (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('entry', 'request')),
  phone_e164 text NOT NULL,
  lead_id text,
  at bigint NOT NULL,
  body jsonb NOT NULL,
  author_id uuid NOT NULL,
  device_id text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX dnc_entries_phone ON dnc_entries (org_id, phone_e164);
-- Audit: each device's hash chain, appended to the organisation's chain (org_hash over org_prev_hash and hash).
CREATE TABLE audit_entries (
  org_id uuid NOT NULL REFERENCES orgs (id),
  device_id text NOT NULL,
  device_seq bigint NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  entry jsonb NOT NULL,
  org_position bigint NOT NULL,
  org_prev_hash text NOT NULL,
  org_hash text NOT NULL,
  author_id uuid NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (org_id, device_id, device_seq),
  UNIQUE (org_id, org_position)
);
-- Rejected mutations, kept with their reason and returned to their author.
CREATE TABLE quarantine (
  org_id uuid NOT NULL REFERENCES orgs (id),
  mutation_id uuid NOT NULL,
  author_id uuid NOT NULL,
  device_id text NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  reason text NOT NULL,
  detail text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL,
  PRIMARY KEY (org_id, mutation_id)
);
-- Every mutation id ever seen, with its outcome: a replay is answered from here and changes nothing.
CREATE TABLE mutations (
  org_id uuid NOT NULL REFERENCES orgs (id),
  id uuid NOT NULL,
  author_id uuid NOT NULL,
  device_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'quarantined')),
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['leads', 'calls', 'consents', 'dnc_entries', 'audit_entries', 'quarantine'] LOOP
    EXECUTE format('CREATE INDEX %I ON %I (org_id, seq)', t || '_seq', t);
    EXECUTE format('CREATE TRIGGER assign_seq BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION assign_change_seq()', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['calls', 'consents', 'dnc_entries', 'audit_entries', 'quarantine', 'mutations'] LOOP
    EXECUTE format('CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION refuse_change()', t);
    EXECUTE format('CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['orgs', 'teams', 'users', 'team_members', 'leads', 'calls', 'consents', 'dnc_entries',
                           'audit_entries', 'quarantine', 'mutations'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END
$$;

-- Organisation-level tables: the session's organisation only.
CREATE POLICY org_scope ON orgs USING (id = app_org_id());
CREATE POLICY org_scope ON teams USING (org_id = app_org_id());
CREATE POLICY org_scope ON users USING (org_id = app_org_id());
CREATE POLICY org_scope ON team_members USING (org_id = app_org_id());
CREATE POLICY org_scope ON mutations USING (org_id = app_org_id() AND (app_org_wide() OR author_id = app_user_id()));

-- Leads: the organisation, and for team leads and agents their own teams only (read and write).
CREATE POLICY team_scope ON leads
  USING (org_id = app_org_id() AND (app_org_wide() OR team_id = ANY (app_team_ids())));

-- Events are read through their lead: a call is visible exactly when its lead is (the subquery
-- reads leads under leads' own policy). Writes: the session's organisation, authored by the session's user.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['calls', 'consents'] LOOP
    EXECUTE format($p$CREATE POLICY read_via_lead ON %I FOR SELECT USING (org_id = app_org_id() AND
      (app_org_wide() OR EXISTS (SELECT 1 FROM leads l WHERE l.org_id = %I.org_id AND l.id = %I.lead_id)))$p$, t, t, t);
    EXECUTE format($p$CREATE POLICY write_own ON %I FOR INSERT
      WITH CHECK (org_id = app_org_id() AND author_id = app_user_id())$p$, t);
    -- Lets the owner's UPDATE/DELETE reach the append-only trigger (the API role has no such privilege).
    EXECUTE format($p$CREATE POLICY owner_reaches_trigger ON %I FOR UPDATE USING (org_id = app_org_id())$p$, t);
    EXECUTE format($p$CREATE POLICY owner_reaches_trigger_delete ON %I FOR DELETE USING (org_id = app_org_id())$p$, t);
  END LOOP;
END
$$;
-- A DNC block protects everyone in the organisation: every member sees every entry.
CREATE POLICY org_scope ON dnc_entries USING (org_id = app_org_id())
  WITH CHECK (org_id = app_org_id() AND author_id = app_user_id());
CREATE POLICY org_scope ON audit_entries USING (org_id = app_org_id() AND (app_org_wide() OR author_id = app_user_id()))
  WITH CHECK (org_id = app_org_id() AND author_id = app_user_id());
CREATE POLICY author_scope ON quarantine USING (org_id = app_org_id() AND (app_org_wide() OR author_id = app_user_id()))
  WITH CHECK (org_id = app_org_id() AND author_id = app_user_id());

-- Sign-in happens before any organisation is known: one narrow definer function reads one user by e-mail.
-- It returns the hash to compare; the API then reads the user's role and teams inside a session of that organisation.
CREATE FUNCTION auth_lookup(p_email text)
RETURNS TABLE (user_id uuid, org_id uuid, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.user_id, c.org_id, c.password_hash FROM credentials c WHERE c.email = lower(p_email)
$$;
REVOKE ALL ON FUNCTION auth_lookup(text) FROM PUBLIC;

-- A DNC entry blocks the number on every lead of the organisation, including leads of teams the
-- pushing agent cannot see. The only widening of a session: this function runs as the owner with
-- an organisation-wide role for its duration (the organisation stays the session's), and it can
-- only set dncStatus to 'listed'.
CREATE FUNCTION block_number(p_phone text, p_hlc text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  was text := current_setting('app.role', true);
  n integer;
BEGIN
  -- Transaction-local: an error rolls the setting back with the (sub)transaction.
  PERFORM set_config('app.role', 'steward', true);
  UPDATE leads
     SET fields = jsonb_set(fields, '{dncStatus}', '"listed"'),
         clocks = jsonb_set(clocks, '{dncStatus}', to_jsonb(greatest(p_hlc COLLATE "C", clocks ->> 'dncStatus')))
   WHERE org_id = app_org_id() AND phone_e164 = p_phone AND fields ->> 'dncStatus' IS DISTINCT FROM 'listed';
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('app.role', coalesce(was, ''), true);
  RETURN n;
END
$$;
REVOKE ALL ON FUNCTION block_number(text, text) FROM PUBLIC;

-- The head of the organisation's audit chain (a team lead reads only their own entries, yet appends
-- after everyone's): its position and hash only, never an entry.
CREATE FUNCTION audit_entries_org_head() RETURNS TABLE (org_position bigint, org_hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE was text := current_setting('app.role', true);
BEGIN
  PERFORM set_config('app.role', 'steward', true);
  RETURN QUERY SELECT a.org_position, a.org_hash FROM audit_entries a
                WHERE a.org_id = app_org_id() ORDER BY a.org_position DESC LIMIT 1;
  PERFORM set_config('app.role', coalesce(was, ''), true);
END
$$;
REVOKE ALL ON FUNCTION audit_entries_org_head() FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO leadledger_app;
GRANT EXECUTE ON FUNCTION auth_lookup(text), block_number(text, text), audit_entries_org_head(), app_org_id(), app_user_id(), app_team_ids(), app_org_wide() TO leadledger_app;
GRANT USAGE ON SEQUENCE change_seq TO leadledger_app;
GRANT SELECT ON orgs, teams, users, team_members TO leadledger_app;
GRANT SELECT, INSERT, UPDATE ON leads TO leadledger_app;
GRANT SELECT, INSERT ON calls, consents, dnc_entries, audit_entries, quarantine, mutations TO leadledger_app;
