#!/bin/sh
# Make sure the Debian/Ubuntu packages named as arguments are installed: install the missing ones
# when running as root with apt-get, otherwise stop and print the exact command to run.
# On a system without dpkg nothing can be checked here; the README lists what to install.
set -eu
command -v dpkg >/dev/null 2>&1 || { echo "note: not a Debian-like system; install by hand: $*" >&2; exit 0; }
missing=""
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "Missing system packages:$missing" >&2
  echo "Run:  sudo apt-get install -y$missing" >&2
  exit 1
fi
