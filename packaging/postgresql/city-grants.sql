-- The app's rights on the tables of the city database, exactly. Run as the owner (or a
-- superuser) after each `union-desk --db postgresql://OWNER@HOST/DB migrate`; safe to repeat:
--
--   psql "postgresql://OWNER@HOST/DB" -v app=union_desk_app -f packaging/postgresql/city-grants.sql
\set ON_ERROR_STOP on

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"app";
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO :"app";
-- the audit trail is written, never rewritten; the schema's version is the owner's
REVOKE UPDATE ON audit_entry FROM :"app";
REVOKE INSERT, UPDATE ON alembic_version FROM :"app";
