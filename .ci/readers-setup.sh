#!/usr/bin/env bash
# Install what the independent iCalendar readers in tests/readers/ need, on a fresh Debian
# machine. Idempotent: each step runs only when its result is missing, so it is cheap to call
# before every test run.
#
#   libical reader: Debian's /usr/bin/python3 with python3-gi + gir1.2-ical-3.0
#   ical.js reader: node + npm, then `npm ci --prefix tests/readers/icaljs`
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
icaljs_dir="$repo_root/tests/readers/icaljs"
system_python="${CALENDAR_DAEMON_SYSTEM_PYTHON:-/usr/bin/python3}"

log() { printf 'readers-setup: %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        log "need root to run: $*"
        return 1
    fi
}

apt_updated=0
apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        apt_updated=1
    fi
    log "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

pkg_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

# --- libical via GObject introspection -------------------------------------------------
libical_probe="import gi; gi.require_version('ICal', '3.0'); gi.require_version('ICalGLib', '3.0'); from gi.repository import ICal, ICalGLib"
if [ -x "$system_python" ] && "$system_python" -I -c "$libical_probe" >/dev/null 2>&1; then
    log "libical bindings present"
else
    missing=()
    for pkg in python3 python3-gi gir1.2-ical-3.0; do
        pkg_installed "$pkg" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
    "$system_python" -I -c "$libical_probe"
    log "libical bindings installed"
fi

# --- node + ical.js --------------------------------------------------------------------
node_missing=()
command -v node >/dev/null 2>&1 || command -v nodejs >/dev/null 2>&1 || node_missing+=(nodejs)
command -v npm >/dev/null 2>&1 || node_missing+=(npm)
if [ "${#node_missing[@]}" -gt 0 ]; then
    apt_install "${node_missing[@]}"
fi

stamp="$icaljs_dir/node_modules/.package-lock.json"
if [ -f "$icaljs_dir/node_modules/ical.js/package.json" ] && [ -f "$stamp" ] \
    && [ ! "$icaljs_dir/package-lock.json" -nt "$stamp" ]; then
    log "ical.js present in $icaljs_dir/node_modules"
else
    log "npm ci --prefix tests/readers/icaljs"
    npm ci --prefix "$icaljs_dir" --no-audit --no-fund
fi
