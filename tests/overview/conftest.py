"""The overview tests work on the session's 300-member demo database (tests/conftest.py, demo300),
copied for each test that changes it."""
from __future__ import annotations

import pytest

from union_desk.db import open_database


@pytest.fixture
def demo_path(demo300):
    return demo300


@pytest.fixture
def demo_db(demo_path):
    db = open_database(demo_path)
    yield db
    db.close()
