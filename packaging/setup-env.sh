# Shared by run.sh, test.sh and .ci/run (source it, then call `setup_env EXTRA`):
#   - installs the Debian packages the app needs when they are missing (root, or sudo);
#   - creates .venv with Python 3.11–3.13 when it is absent or broken;
#   - pip-installs the app in editable mode with the given extra ("" for none, "test", "build"),
#     again only when pyproject.toml changed since the last install;
#   - activates .venv.
# Bash only. Expects the current directory to be the repository folder.

# A TrueType CJK font for the screens and the printed forms; PDF tools the tests use; the
# libraries Qt needs on a minimal Debian (offscreen platform included).
UD_DEBS_BASE=(fonts-wqy-microhei poppler-utils libegl1 libgl1 libx11-6 libxkbcommon0
              libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0)
# The tests also run on a real PostgreSQL server (the city database): Debian's server and client;
# the test set-up starts a throw-away server of its own (tests/postgres_server.py), never the
# system's cluster.
UD_DEBS_TEST=(postgresql postgresql-client)
# What Qt's xcb platform needs to open a real window (present on desktops, listed for minimal ones).
UD_DEBS_DESKTOP=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
                 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)

ud_log() { echo "[setup] $*" >&2; }

ud_as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else return 1
    fi
}

# ud_debs PKG...: install the packages that are not installed yet.
ud_debs() {
    command -v dpkg-query >/dev/null 2>&1 || { ud_log "not a Debian system: install $* yourself"; return 0; }
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
        ud_log "missing Debian packages (run as root to install them): ${missing[*]}"
        return 0
    fi
    ud_log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    ud_as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
        || { ud_as_root apt-get update -q >/dev/null \
             && ud_as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; } \
        || { ud_log "could not install: ${missing[*]}"; return 1; }
}

# The first Python 3.11–3.13 found.
ud_python() {
    local py
    for py in python3 python3.13 python3.12 python3.11; do
        if command -v "$py" >/dev/null 2>&1 \
           && "$py" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 14))' 2>/dev/null; then
            command -v "$py"; return 0
        fi
    done
    return 1
}

ud_venv() {
    if [ -x .venv/bin/python ] && .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        return 0
    fi
    local py
    py=$(ud_python) || { ud_debs python3 python3-venv || return 1; py=$(ud_python); } \
        || { ud_log "Python 3.11–3.13 is needed (Debian 12: apt-get install python3 python3-venv)"; return 1; }
    if ! "$py" -c 'import ensurepip, venv' 2>/dev/null; then
        local ver
        ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
        ud_debs "python$ver-venv" || ud_debs python3-venv || return 1
    fi
    ud_log "creating .venv with $py ($("$py" -V 2>&1))"
    rm -rf .venv
    "$py" -m venv .venv || { ud_log "could not create .venv"; return 1; }
}

# setup_env EXTRA [desktop]
setup_env() {
    local extra=${1:-} start=$SECONDS
    ud_debs "${UD_DEBS_BASE[@]}" || return 1
    [ "${2:-}" = desktop ] && { ud_debs "${UD_DEBS_DESKTOP[@]}" || return 1; }
    [ "$extra" = test ] && { ud_debs "${UD_DEBS_TEST[@]}" || return 1; }
    ud_venv || return 1
    local spec="." stamp
    [ -n "$extra" ] && spec=".[$extra]"
    stamp=".venv/.installed-${extra:-app}-$(cat pyproject.toml | sha256sum | cut -c1-16)"
    if [ ! -e "$stamp" ]; then
        ud_log "pip install -e '$spec'"
        # (this machine's pip configuration warns about each package its extra index lacks)
        .venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec" \
            > .venv/pip.log 2>&1 \
            || { grep -v "is ignored: it is neither" .venv/pip.log | tail -40 >&2
                 ud_log "pip install failed (log: .venv/pip.log)"; return 1; }
        rm -f .venv/.installed-"${extra:-app}"-*
        touch "$stamp"
    fi
    # shellcheck disable=SC1091
    . .venv/bin/activate
    ud_log "environment ready ($((SECONDS - start)) s): $(python -V 2>&1), $(pwd)/.venv"
}
