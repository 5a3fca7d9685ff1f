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
    from demo_files import demo_file

    return demo_file(tmp_path_factory.mktemp("accounts") / "demo.sqlite3", 40,
                     template=template_db)


@pytest.fixture
def demo(demo_accounts_template, tmp_path):
    from demo_files import copy_of
    from union_desk.db import open_database

    database = open_database(copy_of(demo_accounts_template, tmp_path))
    yield database
    database.close()


@pytest.fixture
def ops(db):
    """The window's operations runner on the test's database (waited for at the end)."""
    from union_desk.views.ops import Ops

    runner = Ops(db)
    yield runner
    runner.wait()
