-- The city database on PostgreSQL: two roles, the database, their rights. Run once, as a
-- superuser (e.g. the `postgres` system user), with psql:
--
--   psql -v owner=union_desk_owner -v app=union_desk_app -v dbname=union_desk_city \
--        -f packaging/postgresql/city-roles.sql
--
-- then give each role its password with psql's \password (never in a file or on a command line).
--   owner  owns the database and its schema: the only role that creates and alters tables
--          (`union-desk --db postgresql://OWNER@HOST/DB migrate` after each new version);
--   app    the staff's working role: reads, inserts and updates rows; never drops, alters,
--          truncates or deletes (nothing in union_desk is ever deleted: rows are tombstoned).
-- After the owner's first `union-desk … migrate` (and after each later one), run
-- city-grants.sql as the owner to narrow the app's rights on the tables that exist.
\set ON_ERROR_STOP on

CREATE ROLE :"owner" LOGIN;
CREATE ROLE :"app" LOGIN;

-- UTF-8, and text sorted by code point as SQLite sorts it: the app's prefix searches and pinyin
-- order depend on it (`union-desk check` says so when a database is set up otherwise).
CREATE DATABASE :"dbname" OWNER :"owner" ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0;
REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"dbname" TO :"app";

\connect :"dbname"
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";

-- Tables the owner's migrations create, now and in later versions, are usable by the app.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO :"app";

-- The member search's trigram indexes (migration 0017; the owner could create this trusted
-- extension itself on PostgreSQL 13+, older servers need a superuser).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Page-level checks for `union-desk check` run by the owner (amcheck ships with the server).
CREATE EXTENSION IF NOT EXISTS amcheck;
GRANT EXECUTE ON FUNCTION bt_index_check(regclass, boolean) TO :"owner";
GRANT EXECUTE ON FUNCTION verify_heapam(regclass, boolean, boolean, text, bigint, bigint)
    TO :"owner";
