"""`bash test.sh` cannot pass when the PostgreSQL part did not run (UNION_DESK_REQUIRE_POSTGRESQL).
(That it passes when they ran is shown by every whole run of `bash test.sh`.)"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def pytest_run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, UNION_DESK_REQUIRE_POSTGRESQL="1", PYTHONPATH=str(ROOT / "tests"))
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_a_run_without_postgresql_tests_fails():
    result = pytest_run("tests/foundation/test_db_url.py")
    assert result.returncode == 1, result.stdout
    assert "no PostgreSQL test passed" in result.stdout


def test_a_run_with_a_skipped_postgresql_test_fails():
    result = pytest_run("tests/foundation/test_dialect.py", "-k", "upsert_of_nothing",
                        "-p", "skip_postgresql_for_the_guard_test")
    assert result.returncode == 1, result.stdout
    assert "PostgreSQL test(s) were skipped" in result.stdout

