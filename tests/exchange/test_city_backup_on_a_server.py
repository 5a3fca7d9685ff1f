"""The city database on a server, backed up with the engine's own tools: a pg_dump of a city that
has merged packages restores into an empty database that passes `union-desk check` and goes on
as the city — its review queue, its vouchers, its townships' keys and sequence numbers intact."""
import json
import subprocess

import pytest
import sqlalchemy as sa

from exchange_helpers import city_state, export, merge, populate
from union_desk.cli import main
from union_desk.db import open_database

pytestmark = pytest.mark.postgresql


@pytest.fixture
def db_engine():
    return "postgresql"


def run(*args: str) -> None:
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def cli_json(capsys, *args: str):
    capsys.readouterr()
    code = main([*args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_a_city_dump_restores_into_an_empty_database_that_goes_on_as_the_city(
        city, township, pg_server, pg_database, tmp_path, capsys):
    # Given a city on the server that merged two townships' packages (one person active in both:
    # a review item) and knows 大洋镇's voucher secret
    city_db, _ = city
    dy, qt = township("DY"), township("QT")
    populate(dy, members=3)
    populate(qt, members=1)
    with dy.session(write=True) as s:  # the secret is made with the first printed voucher
        from union_desk.services.hardship.vouchers import _secret
        _secret(s)
    with dy.session() as s:
        from union_desk.models.payment import Payment
        paid = s.execute(sa.select(Payment)).scalars().first()
    export(dy, tmp_path / "DY-1.udx")
    export(qt, tmp_path / "QT-1.udx")
    assert all(r.outcome.value == "已合并"
               for r in merge(city_db, tmp_path / "DY-1.udx", tmp_path / "QT-1.udx"))
    source = pg_server.url(pg_database)  # the city's database, as libpq and the CLI take it
    code, review = cli_json(capsys, "--db", source, "exchange", "review")
    assert code == 0 and len(review) == 1

    # When it is dumped in pg_dump's custom format and restored into a new, empty database
    target = f"ud_city_restored_{id(tmp_path)}"
    dump = tmp_path / "city.dump"
    run(pg_server.client("pg_dump"), "--format=custom", f"--file={dump}", source)
    with pg_server.admin() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE \"{target}\" TEMPLATE template0 "
                             "ENCODING 'UTF8' LOCALE 'C'")
    restored_url = pg_server.url(target)
    try:
        run(pg_server.client("pg_restore"), "--exit-on-error", "--single-transaction",
            f"--dbname={restored_url}", str(dump))

        # Then the copy passes check and holds the same rows
        assert main(["--db", restored_url, "check"]) == 0
        restored = open_database(restored_url)
        try:
            assert city_state(restored) == city_state(city_db)
            # it is still the city: the same review queue, the township's vouchers verify
            assert cli_json(capsys, "--db", restored_url, "exchange", "review") == (0, review)
            from union_desk.reports.voucher import voucher_check
            from union_desk.services.settings import get_setting
            with dy.session() as s:
                secret = get_setting(s, key="voucher.secret")
            qr = f"{paid.voucher_no}|{paid.amount_fen}|" \
                 f"{voucher_check(paid.voucher_no, paid.amount_fen, secret)}"
            assert main(["--db", restored_url, "vouchers", "verify", qr]) == 0
            # the same file again is recognised; the township's next package merges (its key
            # is trusted, its sequence goes on); another key for 大洋镇 is still refused
            code, again = cli_json(capsys, "--db", restored_url, "exchange", "merge",
                                   str(tmp_path / "DY-1.udx"))
            assert code == 0 and again[0]["outcome"] == "已合并" and "合并过" in again[0]["reason"]
            populate(dy, members=1, first_serial=50)
            export(dy, tmp_path / "DY-2.udx")
            code, later = cli_json(capsys, "--db", restored_url, "exchange", "merge",
                                   str(tmp_path / "DY-2.udx"))
            assert code == 0 and later[0]["outcome"] == "已合并"
            assert later[0]["counts"]["member"]["new"] == 1
            laptop = township("DY", "DY-new-laptop.sqlite3")
            populate(laptop, members=1, first_serial=80)
            export(laptop, tmp_path / "DY-other-key.udx")
            code, refused = cli_json(capsys, "--db", restored_url, "exchange", "merge",
                                     str(tmp_path / "DY-other-key.udx"))
            assert code == 1 and refused[0]["outcome"] == "已拒收"
        finally:
            restored.close()
    finally:
        with pg_server.admin() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
