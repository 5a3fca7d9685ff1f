"""The city database's two roles (packaging/postgresql/*.sql): the owner migrates, the working
role runs the app and can neither change the schema nor remove rows."""
import subprocess
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
PASSWORDS = {OWNER: "owner-pw-1", APP: "app-pw-2"}


def psql(server, url: str, script: Path, **variables: str) -> None:
    args = [server.client("psql"), url, "-q", "-f", str(script)]
    for name, value in variables.items():
        args += ["-v", f"{name}={value}"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def city(pg_server, tmp_path_factory):
    """The roles script run by the superuser, passwords set, the owner's first migrate, the
    grants script, the app's setup: (owner URL, app URL). Passwords come from a password file."""
    passfile = tmp_path_factory.mktemp("pgpass") / "pgpass"
    passfile.write_text("".join(f"{pg_server.host}:{pg_server.port}:{DBNAME}:{r}:{p}\n"
                                for r, p in PASSWORDS.items()))
    passfile.chmod(0o600)
    owner_url, app_url = pg_server.url(DBNAME, OWNER), pg_server.url(DBNAME, APP)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PGPASSFILE", str(passfile))
        try:
            psql(pg_server, pg_server.url("postgres"), SQL / "city-roles.sql",
                 owner=OWNER, app=APP, dbname=DBNAME)
            with pg_server.admin() as conn:
                for role, password in PASSWORDS.items():  # (test passwords: plain literals)
                    conn.exec_driver_sql(f"ALTER ROLE \"{role}\" PASSWORD '{password}'")
            # as the README says: the owner makes the tables, then narrows the app's rights
            assert main(["--db", owner_url, "migrate"]) == 0
            psql(pg_server, owner_url, SQL / "city-grants.sql", app=APP)
            assert main(["--db", app_url, "setup", "--township", "大洋镇",
                         "--clerk", "王晓燕"]) == 0
            yield owner_url, app_url
        finally:
            with pg_server.admin() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{DBNAME}" WITH (FORCE)')
                for role in (APP, OWNER):
                    conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


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
