"""A package's rows are validated in the form SQLite stores them, strictly: what a lax check
would convert (a date given as a number, a boolean as 'yes', a number as text, 30 February) is
refused, since the row is written as it was read."""
import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from exchange_helpers import export, merge, populate
from union_desk.models.exchange import MergeOutcome
from union_desk.services.exchange.rows import STORED_DATE, STORED_TIMESTAMP


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def test_the_date_pattern_is_exactly_the_real_calendar():
    pattern = re.compile(STORED_DATE)
    years = [*range(0, 12), *range(1896, 1905), *range(1996, 2005), *range(2096, 2104),
             2400, 2500, 9996, 9999]
    for year in years:
        for month in range(0, 14):
            for day in range(0, 33):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                assert bool(pattern.match(text)) == _is_date(text), text
    for text in ("2025-1-05", "2025-01-5", "20250105", "2025-01-05 ", "2025/01/05", "12025-01-05"):
        assert not pattern.match(text), text


def test_the_timestamp_pattern_needs_a_real_day_and_the_stored_form():
    pattern = re.compile(STORED_TIMESTAMP)
    assert pattern.match("2024-02-29 23:59:59.999999")
    for text in ("2025-02-29 00:00:00.000000", "2025-04-31 00:00:00.000000",
                 "2025-01-02T03:04:05.000000", "2025-01-02 24:00:00.000000",
                 "2025-01-02 03:04:05", "2025-01-02 03:04:05.000000+08:00"):
        assert not pattern.match(text), text


@pytest.mark.parametrize("table, column, value", [
    ("member", "is_migrant", "yes"),      # a boolean is 0 or 1
    ("member", "is_migrant", 2),
    ("member", "join_date", 1735689600),  # a date is its ISO text, not a Unix time
    ("member", "join_date", "2025-01-02T00:00:00"),
    ("payment", "amount_fen", 500.5),     # a sum of fen is a whole number
    ("member", "updated_at", "2025-02-30 08:00:00.000000"),
])
def test_a_value_a_lax_check_would_convert_refuses_the_package(city, township, tmp_path, table,
                                                                column, value):
    city_db, _ = city
    dy = township("DY")
    populate(dy)
    with dy.engine.begin() as conn:  # the file holds what the app would never write
        row = conn.execute(sa.text(f"SELECT id FROM {table} LIMIT 1")).scalar_one()
        conn.execute(sa.text(f"UPDATE {table} SET {column} = :v WHERE id = :i"),
                     {"v": value, "i": row})
    export(dy, tmp_path / "odd.udx")
    [result] = merge(city_db, tmp_path / "odd.udx")
    assert result.outcome == MergeOutcome.REFUSED
    assert table in result.reason and row in result.reason and column in result.reason


def test_only_rows_to_be_written_are_read_whole(city, township, tmp_path, monkeypatch):
    """The next export with one member changed: that row alone is read and validated."""
    from union_desk.models.base import utcnow
    from union_desk.models.member import Member
    from union_desk.services.exchange import incoming

    city_db, _ = city
    dy = township("DY")
    ids = populate(dy, members=5)
    export(dy, tmp_path / "one.udx")
    merge(city_db, tmp_path / "one.udx")
    with dy.session(write=True) as s:
        s.get(Member, ids[3]).phone = "13800138000"
    export(dy, tmp_path / "two.udx")
    read = []
    real = incoming.read_rows
    monkeypatch.setattr(incoming, "read_rows", lambda con, table, **kw: (
        read.append((table.name, kw.get("rowids"))), real(con, table, **kw))[1])
    [result] = merge(city_db, tmp_path / "two.udx")
    assert result.counts["member"].updated == 1 and result.counts["member"].unchanged == 4
    whole = [(name, ids_) for name, ids_ in read if ids_ is None or ids_]
    assert whole == [("member", [4])]  # the fourth member's rowid, nothing else
    with city_db.session() as s:
        assert s.get(Member, ids[3]).updated_at > utcnow() - timedelta(minutes=5)
