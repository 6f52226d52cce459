-- SPDX-License-Identifier: MIT
-- Roles for a linkctl database on a PostgreSQL server (SPEC section 12; man linkctl, ENGINES).
--
-- Run it once, as the database's owner, after `linkctl init` made the schema:
--   psql -v ON_ERROR_STOP=1 -d linkctl -f /usr/share/linkctl/postgres-roles.sql
-- then make each person's login a member of linkctl_user (their login is the `login`
-- of their [[people]] entry when the policy says identity = "database"):
--   CREATE ROLE li_na LOGIN IN ROLE linkctl_user;
--
-- linkctl_user may do what the verbs do and nothing more: read every table; add
-- tickets, stages, events, announced lapses, frozen reports, spot checks and policy
-- versions (an admin's `policy apply`); change tickets and stages (their state and
-- deadlines); lock the chain head. It may not UPDATE, DELETE or TRUNCATE events or
-- policy versions (nor the other records of what happened), so history stays
-- append-only whatever a member types into psql; a forged INSERT still fails
-- `linkctl audit verify`, whose chain it cannot extend with a valid hash unnoticed
-- by an anchor (`linkctl audit anchor`).
-- Schema changes (migrations, run by `linkctl init` and by the first linkctl of a
-- new release) and `linkctl copy --to` a new database are the owner's.
--
-- Running it again is harmless: it only grants and revokes.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'linkctl_user') THEN
    CREATE ROLE linkctl_user NOLOGIN;
  END IF;
END
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM linkctl_user;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO linkctl_user;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO linkctl_user;
GRANT INSERT ON policy_versions, tickets, stages, events, announced_lapses, frozen_reports, spotchecks
  TO linkctl_user;
GRANT UPDATE ON tickets, stages TO linkctl_user;
-- SELECT ... FOR UPDATE on the chain head: the row lock every write takes first.
GRANT UPDATE ON chain_head TO linkctl_user;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO linkctl_user;
