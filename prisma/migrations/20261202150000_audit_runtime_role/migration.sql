-- issue 16 #11: the portal runs as the role kefu_app, which may not rewrite the audit log.
-- Migrations run as the owner (the role running this script); kefu_app owns nothing, so it can
-- neither ALTER TABLE "AuditLog" DISABLE TRIGGER … nor UPDATE/DELETE/TRUNCATE the log or move
-- the chain head. It reads and writes the data tables, and only reads and appends to the audit
-- tables. Roles are cluster-wide: a second database on the same server reuses the role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kefu_app') THEN
    CREATE ROLE kefu_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;

-- The owner's login may switch to kefu_app (the portal's connections do `SET ROLE kefu_app` when
-- one login serves both). A superuser needs no membership; a role that may not grant it (kefu_app
-- created beforehand by a DBA) gets a notice: then give DATABASE_URL a login in kefu_app.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'kefu_app', 'MEMBER') THEN
    EXECUTE format('GRANT kefu_app TO %I', current_user);
  END IF;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'kefu_app: % could not be made a member (%); DATABASE_URL must log in as kefu_app or a member of it', current_user, SQLERRM;
END
$$;

DO $$
DECLARE
  s text := current_schema();
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO kefu_app', s);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO kefu_app', s);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO kefu_app', s);
  -- Tables and sequences later migrations create (as this owner) are granted the same.
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kefu_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO kefu_app', s);
  -- The chain trigger locks and moves "AuditChainHead" as its owner, with a fixed search_path
  -- (pg_temp last, so a temporary table cannot stand in for the head).
  EXECUTE format('ALTER FUNCTION audit_log_chain() SECURITY DEFINER SET search_path = %I, pg_temp', s);
END
$$;

-- The audit tables: read and append only; the head only read. The migrations' ledger only read
-- (the portal checks that nothing is pending).
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditLog" FROM kefu_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditChainHead" FROM kefu_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "_prisma_migrations" FROM kefu_app;
