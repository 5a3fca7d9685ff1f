"""The city database's two roles (packaging/postgresql/*.sql): the owner migrates, the working
role runs the app and can neither change the schema nor remove rows."""
import json
import subprocess
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from union_desk.cli import main
from union_desk.db import open_database
from union_desk.db_url import ServerError
from union_desk.models.member import MemberCreate
from union_desk.models.payment import PaymentCreate
from union_desk.models.union import UnionCreate
from union_desk.services.hardship.payments import record_payment
from union_desk.services.roster import members, unions
from union_desk.services.year_report import year_report

pytestmark = pytest.mark.postgresql

SQL = Path(__file__).parents[2] / "packaging" / "postgresql"
OWNER, APP, DBNAME = "ud_owner", "ud_app", "ud_city"


def psql(server, url: str, script: Path, **variables: str) -> None:
    args = [server.client("psql"), url, "-q", "-f", str(script)]
    for name, value in variables.items():
        args += ["-v", f"{name}={value}"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@contextmanager
def roles_database(server, folder: Path, owner: str, app: str, dbname: str, *setup: str):
    """The roles script run by the superuser, passwords set, the owner's first migrate, the
    grants script, then `setup` (a command) run as the app role: (owner URL, app URL).
    Passwords come from a password file."""
    passwords = {owner: f"{owner}-pw", app: f"{app}-pw"}
    passfile = folder / "pgpass"
    passfile.write_text("".join(f"{server.host}:{server.port}:{dbname}:{r}:{p}\n"
                                for r, p in passwords.items()))
    passfile.chmod(0o600)
    owner_url, app_url = server.url(dbname, owner), server.url(dbname, app)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PGPASSFILE", str(passfile))
        try:
            psql(server, server.url("postgres"), SQL / "city-roles.sql",
                 owner=owner, app=app, dbname=dbname)
            with server.admin() as conn:
                for role, password in passwords.items():  # (test passwords: plain literals)
                    conn.exec_driver_sql(f"ALTER ROLE \"{role}\" PASSWORD '{password}'")
            # as the README says: the owner makes the tables, then narrows the app's rights
            assert main(["--db", owner_url, "migrate"]) == 0
            psql(server, owner_url, SQL / "city-grants.sql", app=app)
            assert main(["--db", app_url, *setup]) == 0
            yield owner_url, app_url
        finally:
            with server.admin() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
                for role in (app, owner):
                    conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture(scope="module")
def city(pg_server, tmp_path_factory):
    """A township's database on the server (大洋镇, 王晓燕), set up by the working role."""
    with roles_database(pg_server, tmp_path_factory.mktemp("pgpass"), OWNER, APP, DBNAME,
                        "setup", "--township", "大洋镇", "--clerk", "王晓燕") as urls:
        yield urls


def test_the_working_role_runs_the_city_office(pg_server, tmp_path, capsys):
    """The city office's database made with the roles script: `city init` and every exchange
    command by the working role (merge: COPY, per-township locks, FOR UPDATE), then check."""
    town = tmp_path / "大洋镇.sqlite3"
    with roles_database(pg_server, tmp_path, "ud_city_owner", "ud_city_app", "ud_city_office",
                        "city", "init", "--name", "建德市总工会", "--clerk", "李会计") as urls:
        owner_url, app_url = urls
        key, package = tmp_path / "city-key.json", tmp_path / "大洋镇.udx"
        assert main(["--db", app_url, "exchange", "city-keys", str(key)]) == 0
        assert main(["--db", str(town), "demo", "--members", "30"]) == 0
        assert main(["--db", str(town), "exchange", "trust-city", str(key)]) == 0
        assert main(["--db", str(town), "exchange", "export", str(package)]) == 0
        capsys.readouterr()
        for _twice in range(2):
            assert main(["--db", app_url, "exchange", "merge", str(package), "--json"]) == 0
        first, again = (json.loads(line)[0] for line in capsys.readouterr().out.splitlines())
        assert first["counts"]["member"]["new"] == 30 and "合并过" in again["reason"]
        assert main(["--db", app_url, "exchange", "history"]) == 0
        assert main(["--db", app_url, "exchange", "keys"]) == 0
        assert main(["--db", app_url, "exchange", "review"]) == 0
        assert main(["--db", app_url, "stats", "--year", "2025", "--json"]) == 0
        assert main(["--db", owner_url, "check"]) == 0


def test_the_working_role_runs_the_services(city):
    _owner_url, app_url = city
    db = open_database(app_url)
    with db.session(write=True) as s:
        union = unions.create_union(s, data=UnionCreate(name="大洋镇机械厂工会"))
        member = members.add_member(s, data=MemberCreate(
            name="张三", id_number="11010519491231002X", union_id=union.id,
            join_date=date(2021, 3, 1)))
        payment = record_payment(s, data=PaymentCreate(
            member_id=member.id, occasion="抗疫一线慰问", amount_fen=50_000,
            paid_on=date(2021, 3, 1)))
    with db.session() as s:
        report = year_report(s, year=2021)
        found = members.search_members(s, text="zs")
    assert payment.voucher_no == "大洋镇-2021-0001"
    assert [m.name for m in found] == ["张三"]
    assert report.members_new == 1
    assert db.check() == []
    db.close()


@pytest.mark.parametrize("statement", [
    "DROP TABLE member",
    "ALTER TABLE member ADD COLUMN note text",
    "CREATE TABLE extra (id int)",
    "TRUNCATE member",
    "DELETE FROM member",
    "UPDATE audit_entry SET actor = 'x'",
    "UPDATE alembic_version SET version_num = '0001'",
])
def test_the_working_role_cannot_change_the_schema_or_remove_rows(city, statement):
    _owner_url, app_url = city
    db = open_database(app_url)
    with pytest.raises(sa.exc.ProgrammingError) as refused:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    assert refused.value.orig.sqlstate == "42501"  # insufficient_privilege
    db.close()


def test_an_upgrade_is_the_owners_and_the_working_role_is_told_so(city):
    """(Last in this module: it takes the shared database back one revision and up again.)"""
    owner_url, app_url = city
    # Given a database one revision behind this version of the app
    owner = open_database(owner_url)
    with owner.engine.begin() as conn:
        # (the owner may run amcheck's page checks, so its `check` below includes them)
        assert conn.exec_driver_sql("SELECT has_function_privilege("
                                    "'bt_index_check(regclass, boolean)', 'EXECUTE')").scalar()
        from alembic import command

        command.downgrade(owner._alembic_config(conn), "-1")
    owner.close()
    # When the working role opens it: refused, saying who must upgrade and how
    with pytest.raises(ServerError, match="所有者账号.*migrate"):
        open_database(app_url)
    # When the owner runs migrate (with amcheck's page checks in its `check`): sound again
    assert main(["--db", owner_url, "migrate"]) == 0
    assert main(["--db", owner_url, "check"]) == 0
    db = open_database(app_url)
    assert db.check() == []
    db.close()
