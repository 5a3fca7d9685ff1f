"""The same database on a PostgreSQL server: migrations, transactions, checks, connections."""
import warnings
from pathlib import Path

import pytest
import sqlalchemy as sa

from union_desk.db import open_database
from union_desk.models.member import autogenerate_includes, is_search_structure
from union_desk.db_url import ServerError
from union_desk.models.union import GrassrootsUnion

SCHEMA_0007 = Path(__file__).with_name("schema_0007.sqlite.sql")


def sqlite_schema(path) -> str:
    """sqlite_master's SQL, in a stable order, as schema_0007.sqlite.sql holds it."""
    db = open_database(path, migrate=False)
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                    "WHERE sql IS NOT NULL ORDER BY type, name").all()
    db.engine.dispose()
    return "\n".join(f"-- {t} {n} on {tb}\n{s};" for t, n, tb, s in rows) + "\n"


def test_the_sqlite_schema_of_revisions_0001_to_0007_is_unchanged(tmp_path):
    """Making the migrations run on PostgreSQL too changed nothing they build on SQLite: the
    dump was taken from the migrations as released."""
    from alembic import command

    db = open_database(tmp_path / "x.sqlite3", migrate=False)
    with db.engine.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0007")
    db.engine.dispose()
    assert sqlite_schema(tmp_path / "x.sqlite3") == SCHEMA_0007.read_text(encoding="utf-8")


def member_index_names(engine: sa.Engine) -> set[str]:
    """The names of member's indexes, expression indexes included (SQLAlchemy reflects those on
    PostgreSQL only), without the engine's own search structures (migration 0017)."""
    query = ("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
             "AND tbl_name = 'member'"
             if engine.dialect.name == "sqlite" else
             "SELECT indexname FROM pg_indexes WHERE tablename = 'member' "
             "AND indexname <> 'member_pkey'")
    with engine.connect() as conn:
        return {n for (n,) in conn.exec_driver_sql(query) if not is_search_structure(n)}


def shape(engine: sa.Engine) -> dict:
    """Tables → columns (name, nullable), indexes on columns (name, columns, unique), unique
    constraints (columns: SQLite does not name them), foreign keys; the engine's own search
    structures left out (SQLite's FTS5 table, PostgreSQL's trigram indexes)."""
    inspector = sa.inspect(engine)
    out = {}
    with warnings.catch_warnings():  # SQLite: "Skipped unsupported reflection of expression…"
        warnings.simplefilter("ignore", sa.exc.SAWarning)
        reflected = {t: inspector.get_indexes(t) for t in inspector.get_table_names()}
    for table in inspector.get_table_names():
        if is_search_structure(table):
            continue
        out[table] = {
            "columns": {(c["name"], c["nullable"]) for c in inspector.get_columns(table)},
            "indexes": {(i["name"], tuple(i["column_names"]), bool(i["unique"]))
                        for i in reflected[table]
                        if "duplicates_constraint" not in i  # PostgreSQL: a constraint's own
                        and None not in i["column_names"] and not is_search_structure(i["name"])},
            "unique": {tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)},
            "foreign keys": {(tuple(f["constrained_columns"]), f["referred_table"])
                             for f in inspector.get_foreign_keys(table)},
        }
    return out


@pytest.mark.postgresql
def test_migrations_build_the_same_schema_on_both_engines(pg_empty, tmp_path):
    server, name = pg_empty
    # Given an empty server database and an empty file, both opened (migrated to head)
    on_server = open_database(server.url(name))
    on_file = open_database(tmp_path / "x.sqlite3")
    # Then both hold the same tables, columns, indexes and foreign keys
    assert shape(on_server.engine) == shape(on_file.engine)
    assert member_index_names(on_server.engine) == member_index_names(on_file.engine)
    # and the unique indexes that hold for live rows only are partial on the server too
    with on_server.engine.connect() as conn:
        partial = dict(conn.execute(sa.text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'ux_%' "
            "AND indexdef LIKE '%WHERE%'")).all())
    assert {"ux_member_id_number", "ux_member_card_no", "ux_household_member",
            "ux_trip_campaign_name", "ux_trip_bus_plate", "ux_trip_registration_person",
            "ux_trip_seat_leg", "ux_trip_seat_bus_seat", "ux_station_service_count_month"} \
        == set(partial)
    assert "deleted_at IS NULL" in partial["ux_member_id_number"]
    on_server.close()
    on_file.close()


@pytest.mark.postgresql
def test_the_models_and_the_migrations_agree_on_both_engines(pg_empty, tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    server, name = pg_empty
    for where in (server.url(name), tmp_path / "x.sqlite3"):
        db = open_database(where)
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_object": autogenerate_includes})
            assert compare_metadata(context, SQLModel.metadata) == []
        db.close()


@pytest.mark.postgresql
def test_a_second_program_on_an_old_database_waits_and_does_not_upgrade_twice(pg_empty):
    from alembic import command

    server, name = pg_empty
    old = open_database(server.url(name), migrate=False)
    with old.engine.begin() as conn:
        command.upgrade(old._alembic_config(conn), "0006")
    old.close()
    first, second = open_database(server.url(name)), open_database(server.url(name))
    assert first.revisions()[0] == second.revisions()[0] == first.revisions()[1]
    assert first.check() == []
    first.close()
    second.close()


@pytest.mark.postgresql
def test_check_finds_a_sound_server_database_sound_and_names_what_is_wrong(pg_empty):
    server, name = pg_empty  # its own database: this test damages it
    db = open_database(server.url(name))
    assert db.check() == []
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE member DISABLE TRIGGER ALL")
        conn.exec_driver_sql("ALTER TABLE grassroots_union ADD CONSTRAINT ck_name_not_empty "
                             "CHECK (name <> '') NOT VALID")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0006'")
    problems = "\n".join(db.check())
    assert "表 member 的外键检查被关闭" in problems
    assert "约束未经验证" in problems and "ck_name_not_empty" in problems
    assert "不是最新" in problems
    db.close()


@pytest.mark.postgresql
def test_check_wants_code_point_order(pg_server):
    """The search's prefix ranges and the pinyin order need a "C" collation, as SQLite sorts."""
    with pg_server.admin() as conn:
        conn.exec_driver_sql("CREATE DATABASE ud_icu TEMPLATE template0 ENCODING 'UTF8' "
                             "LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN' LOCALE 'C'")
    try:
        db = open_database(pg_server.url("ud_icu"))
        assert any("排序规则" in p and "ICU" in p for p in db.check())
        db.close()
    finally:
        with pg_server.admin() as conn:
            conn.exec_driver_sql("DROP DATABASE ud_icu WITH (FORCE)")


@pytest.mark.postgresql
def test_a_read_session_cannot_write_and_a_write_session_holds_the_write_lock(pg_url):
    from union_desk.db_server import WRITE_LOCK

    db = open_database(pg_url)
    with pytest.raises(sa.exc.InternalError, match="read-only"):
        with db.session() as s:
            s.add(GrassrootsUnion(name="不该写入的工会"))
            s.flush()
    with db.session(write=True) as s:
        held = s.execute(sa.text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND pid = pg_backend_pid() AND (classid::bigint << 32 | objid::bigint) = :k"),
            {"k": WRITE_LOCK}).scalar_one()
        s.add(GrassrootsUnion(name="大洋镇茶厂工会"))
    assert held == 1
    with db.session() as s:
        assert s.execute(sa.select(GrassrootsUnion.name)).scalars().all() == ["大洋镇茶厂工会"]
    # each transaction is what its session asks for, whatever the connection served before
    kind = sa.text("SELECT current_setting('transaction_isolation'), "
                   "current_setting('transaction_read_only')")
    for write, expected in ((False, ("repeatable read", "on")), (True, ("read committed", "off")),
                            (False, ("repeatable read", "on")), (True, ("read committed", "off"))):
        with db.session(write=write) as s:
            assert tuple(s.execute(kind).one()) == expected, write
    with db.engine.connect() as conn:  # a plain connection: the server's default
        assert tuple(conn.execute(kind).one()) == ("read committed", "off")
    db.close()


@pytest.mark.postgresql
def test_a_server_that_does_not_answer_is_named_in_chinese(pg_server):
    with pytest.raises(ServerError, match="无法连接数据库服务器 postgresql://postgres@127.0.0.1:1/x"):
        open_database("postgresql://postgres@127.0.0.1:1/x")


@pytest.fixture
def clerk_role(pg_server):
    """A role `city_clerk` with a password, owning a fresh database `ud_pw`."""
    with pg_server.admin() as conn:
        conn.exec_driver_sql("CREATE ROLE city_clerk LOGIN PASSWORD 'S3cret-pw'")
        conn.exec_driver_sql("CREATE DATABASE ud_pw OWNER city_clerk")
    yield "city_clerk", "S3cret-pw"
    with pg_server.admin() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS ud_pw WITH (FORCE)")
        conn.exec_driver_sql("DROP ROLE city_clerk")


@pytest.mark.postgresql
def test_the_password_comes_from_the_password_file_never_from_the_command_line(
        pg_server, clerk_role, tmp_path, monkeypatch, capsys):
    from union_desk.cli import main

    user, password = clerk_role
    url = pg_server.url("ud_pw", user=user)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "nowhere"))
    # Without a password file: refused, with the way to give one
    assert main(["--db", url, "setup", "--township", "大洋镇", "--clerk", "王晓燕"]) == 1
    err = capsys.readouterr().err
    assert "无法连接数据库服务器" in err and "PGPASSFILE" in err
    # A password in the URL: refused before anything connects (argparse: exit 2)
    with pytest.raises(SystemExit) as stop:
        main(["--db", url.replace(f"{user}@", f"{user}:{password}@"), "check"])
    assert stop.value.code == 2 and "不能写密码" in capsys.readouterr().err
    # With libpq's password file (mode 0600): set up, fill, check, figures
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{pg_server.host}:{pg_server.port}:ud_pw:{user}:{password}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    assert main(["--db", url, "setup", "--township", "大洋镇", "--clerk", "王晓燕"]) == 0
    assert main(["--db", url, "demo", "--members", "40"]) == 0
    assert main(["--db", url, "check"]) == 0
    assert "数据库完好：postgresql://city_clerk@" in capsys.readouterr().out
    assert main(["--db", url, "roster", "search", "张", "--json"]) == 0
    assert main(["--db", url, "stats", "--year", "2025", "--json"]) == 0
    assert main(["--db", url, "migrate"]) == 0
    out = capsys.readouterr().out
    assert "数据库结构已是最新" in out and password not in out
    # a server database is backed up with pg_dump, not copied
    assert main(["--db", url, "backup", str(tmp_path / "x.sqlite3")]) == 1
    assert "pg_dump" in capsys.readouterr().err
    # The whole connection in a libpq service file: --db names only the service
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[city]\nhost={pg_server.host}\nport={pg_server.port}\n"
                        f"dbname=ud_pw\nuser={user}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    assert main(["--db", "postgresql://?service=city", "check"]) == 0
    assert "数据库完好：postgresql://?service=city" in capsys.readouterr().out


@pytest.mark.postgresql
def test_statements_run_again_and_again_are_planned_for_their_values(pg_url):
    """psycopg prepares a statement after 5 runs; PostgreSQL would then plan it once for any
    values (a generic plan), which suits no search: a keystroke's fragment has 79 hits or
    400,000 (db_server.SESSION_OPTIONS)."""
    from union_desk.services.roster import members

    db = open_database(pg_url)
    with db.session() as s:
        for typed in ["1985061", "198", "1380", "057", "0571", "张伟", "zs"] * 3:
            members.search_members(s, text=typed, limit=200)
        plans = s.execute(sa.text("SELECT sum(generic_plans), sum(custom_plans) "
                                  "FROM pg_prepared_statements")).one()
        mode = s.execute(sa.text("SHOW plan_cache_mode")).scalar_one()
    db.close()
    assert plans[1] > 0 and plans[0] == 0, plans
    assert mode == "force_custom_plan"
