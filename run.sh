#!/usr/bin/env bash
# Run the app on demo data:  bash run.sh [union-desk arguments, e.g. --lang en]
#
# On a fresh Debian/Ubuntu machine (as root, or with sudo) it first installs the Debian packages
# the app needs (a TrueType CJK font, Qt's runtime libraries), creates .venv with Python 3.11+
# and installs the app. The first time it makes demo.sqlite3 in this folder (300 members of
# 大洋镇's grassroots unions; another file: UNION_DESK_DEMO_DB=/path/demo.sqlite3), then opens
# the window on it. Your own data is opened with `union-desk` alone (see README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
. packaging/setup-env.sh

setup_env "" desktop

db=${UNION_DESK_DEMO_DB:-$PWD/demo.sqlite3}
if [ ! -e "$db" ]; then
    echo "making the demo database $db (300 members)…"
    union-desk --db "$db" demo --members 300
fi

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
    echo "No display: run this on a desktop session (or over ssh -X)." >&2
    echo "To only try the start-up headless: QT_QPA_PLATFORM=offscreen bash run.sh" >&2
    exit 1
fi
exec union-desk --db "$db" "$@"
