"""Fixtures for the exchange: a city database with its key, township databases that trust it.

The city database is a SQLite file, or — in a module marked `both_engines`, for the second run
of each test — a database on the throw-away PostgreSQL server; townships are always files."""
import shutil

import pytest

from exchange_helpers import CITY_NAME, make_city, make_township


@pytest.fixture(scope="session")
def blank_template(tmp_path_factory):
    """A migrated database nobody has set up yet (copied for each township and the city)."""
    from union_desk.db import open_database

    path = tmp_path_factory.mktemp("blank") / "blank.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture
def blank(blank_template, tmp_path):
    def copy(name: str):
        path = tmp_path / name
        shutil.copyfile(blank_template, path)
        return path
    return copy


@pytest.fixture
def city_location(request, db_engine, blank):
    """Where the city database goes: a new SQLite file, or an emptied server database's URL."""
    if db_engine == "postgresql":
        from postgres_fixtures import emptied

        return emptied(request.getfixturevalue("pg_server"),
                       request.getfixturevalue("pg_database"))
    return blank("city.sqlite3")


@pytest.fixture
def city(city_location, tmp_path):
    """(city Database, path of its public key file)."""
    db, key_file = make_city(city_location, tmp_path / "city-key.json", CITY_NAME)
    yield db, key_file
    db.close()


@pytest.fixture
def township(blank, city):
    """township("DY") → a set-up township Database that trusts the city's key."""
    opened = []

    def make(code: str, name: str | None = None):
        db = make_township(blank(name or f"{code}.sqlite3"), code, city[1])
        opened.append(db)
        return db
    yield make
    for db in opened:
        db.close()
