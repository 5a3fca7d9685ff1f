"""A demo database (大洋镇, 300 members: every area filled) made once for the overview tests,
copied for each test that changes it."""
from __future__ import annotations

import pytest

from demo_files import copy_of, demo_file
from union_desk.db import open_database


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    return demo_file(tmp_path_factory.mktemp("overview-demo") / "demo.sqlite3", 300)


@pytest.fixture
def demo_path(demo_template, tmp_path):
    return copy_of(demo_template, tmp_path)


@pytest.fixture
def demo_db(demo_path):
    db = open_database(demo_path)
    yield db
    db.close()
