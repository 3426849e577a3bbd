#!/bin/sh
# Installs hearsay's build and test dependencies from Debian's packages.
# Idempotent and quick when everything is already there; needs root (or sudo)
# only when something is missing. chromium drives the browser test
# (tests/cli/browser.sh, whose npm packages come from `npm ci`); wrk loads
# the server (bench/serve_bench.sh).
set -e
PKGS="build-essential pkg-config python3 zlib1g-dev libzstd-dev \
libsqlite3-dev sqlite3 libmicrohttpd-dev valgrind clang libclang-rt-14-dev \
parallel zstd libjson-c-dev time \
chromium wrk curl"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $missing
