"""Accounts tests: passwords hashed at a low scrypt cost (the default cost is tested once, in
test_passwords.py), so a test signing in three clerks does not take seconds."""
from __future__ import annotations

import pytest

from union_desk.services.accounts import passwords


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch):
    monkeypatch.setattr(passwords, "COST", passwords.ScryptCost(log2_n=10))


@pytest.fixture(scope="session")
def demo_accounts_template(template_db, tmp_path_factory):
    """Demo data in every area (members, households, registrations, stations), made once."""
    import shutil

    from union_desk.db import open_database
    from union_desk.services.demo.generate import make_demo

    path = tmp_path_factory.mktemp("accounts") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    with db.session(write=True) as s:
        make_demo(s, size=40)
    db.close()
    return path


@pytest.fixture
def demo(demo_accounts_template, tmp_path):
    import shutil

    from union_desk.db import open_database

    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_accounts_template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def ops(db):
    """The window's operations runner on the test's database (waited for at the end)."""
    from union_desk.views.ops import Ops

    runner = Ops(db)
    yield runner
    runner.wait()
