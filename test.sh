#!/usr/bin/env bash
# Run the tests:  bash test.sh [pytest arguments]
#
# On a fresh Debian/Ubuntu machine (as root, or with sudo) it first installs the Debian packages
# the tests need (a TrueType CJK font, poppler-utils, Qt's runtime libraries, PostgreSQL's server
# and client), creates .venv with Python 3.11+ and installs the app with its test extra. Then it
# runs, from the repository folder:
#   lint-imports                     the layer contracts
#   python tools/i18n.py missing     every screen string has its Chinese translation
#   ruff check --select F            undefined names, unused imports (pyflakes' checks)
#   python -m pytest                 the test suite, headless (Qt's offscreen platform), on SQLite
#                                    and on a throw-away PostgreSQL server it starts and stops
# and exits non-zero if any of them fails. The whole suite (no arguments) also fails when
# the PostgreSQL tests did not run or any was skipped (tests/postgres_fixtures.py).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
. packaging/setup-env.sh

setup_env test || exit 1

failed=()
step() {
    local name=$1; shift
    echo "== $name"
    local start=$SECONDS
    if "$@"; then
        echo "== $name: ok ($((SECONDS - start)) s)"
    else
        echo "== $name: FAILED ($((SECONDS - start)) s)"
        failed+=("$name")
    fi
}

export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# the whole suite must have run on PostgreSQL too (a chosen subset need not)
(($# == 0)) && export UNION_DESK_REQUIRE_POSTGRESQL=1
step "layer contracts (lint-imports)" lint-imports
step "translations complete (tools/i18n.py missing)" python tools/i18n.py missing
# pyflakes-level checks: an undefined name or an unused import fails here, not in a clerk's hands
# (test modules import pytest fixtures that their parameters redefine: F811 is expected there)
step "static checks (ruff: undefined names, unused imports)" \
    ruff check --quiet --select F union_desk tools benchmarks trials packaging
step "static checks in tests (ruff)" ruff check --quiet --select F --ignore F811 tests
# -q comes from pyproject.toml's addopts: a second one would hide pytest's "N passed" line
step "tests (pytest)" python -m pytest -p no:cacheprovider "$@"

if ((${#failed[@]})); then
    printf 'FAILED: %s\n' "${failed[@]}"
    exit 1
fi
echo "all checks passed"
