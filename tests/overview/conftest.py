"""A demo database (大洋镇, 300 members: every area filled) made once for the overview tests,
copied for each test that changes it."""
from __future__ import annotations

import shutil

import pytest

from union_desk.db import open_database


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    from union_desk.services.demo.generate import make_demo

    path = tmp_path_factory.mktemp("overview-demo") / "demo.sqlite3"
    db = open_database(path)
    with db.session(write=True) as s:
        make_demo(s, size=300)
    db.close()
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_db(demo_path):
    db = open_database(demo_path)
    yield db
    db.close()
