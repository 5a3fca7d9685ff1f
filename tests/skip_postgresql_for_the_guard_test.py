"""A pytest plugin for test_postgres_guard.py only: skips every PostgreSQL test, as a machine
without a server might, to show that the guard then fails the run."""
import pytest


def pytest_runtest_setup(item):
    if "postgresql" in item.keywords:
        pytest.skip("no PostgreSQL here (simulated)")
