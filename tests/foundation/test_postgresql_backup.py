"""Backups of a server database with the engine's own tools: pg_dump, then pg_restore into an
empty database, which `union-desk check` finds sound and which holds the same records."""
import subprocess

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from union_desk.cli import main

pytestmark = pytest.mark.postgresql


def run(*args: str) -> None:
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def counts(server, name: str) -> dict[str, int]:
    engine = server.engine(name)
    with engine.connect() as conn:
        found = {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                 for t in SQLModel.metadata.sorted_tables}
    engine.dispose()
    return found


def test_a_dump_restores_into_an_empty_database_that_passes_check(pg_server, tmp_path, capsys):
    # Given a city database full of records (the demo's 120 members with their payments,
    # buses and stations)
    source = f"ud_backup_src_{id(tmp_path)}"
    target = f"ud_backup_dst_{id(tmp_path)}"
    with pg_server.admin() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{source}"')
    try:
        src_url, dst_url = pg_server.url(source), pg_server.url(target)
        assert main(["--db", src_url, "demo", "--members", "120"]) == 0
        assert main(["--db", src_url, "stats", "--year", "2021", "--json"]) == 0
        figures = capsys.readouterr().out.splitlines()[-1]
        # When it is dumped in pg_dump's custom format and restored into a new, empty database
        dump = tmp_path / "city.dump"
        run(pg_server.client("pg_dump"), "--format=custom", f"--file={dump}", src_url)
        with pg_server.admin() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE \"{target}\" TEMPLATE template0 "
                                 "ENCODING 'UTF8' LOCALE 'C'")
        run(pg_server.client("pg_restore"), "--exit-on-error", "--single-transaction",
            f"--dbname={dst_url}", str(dump))
        # Then the copy passes check, holds every row, and gives the same year's figures
        assert main(["--db", dst_url, "check"]) == 0
        assert counts(pg_server, target) == counts(pg_server, source)
        assert counts(pg_server, target)["member"] == 120
        capsys.readouterr()
        assert main(["--db", dst_url, "stats", "--year", "2021", "--json"]) == 0
        assert capsys.readouterr().out.splitlines()[-1] == figures
    finally:
        with pg_server.admin() as conn:
            for name in (source, target):
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
