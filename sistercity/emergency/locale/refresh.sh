#!/bin/sh
# Refresh this app's catalogue: extract, fill id/ja from translations.py, compile.
set -e
cd "$(dirname "$0")/.."
../../.venv/bin/python ../../manage.py makemessages -l id -l ja --no-obsolete --verbosity 0
(cd /tmp && "$OLDPWD/../../.venv/bin/python" "$OLDPWD/locale/fill.py")
../../.venv/bin/python ../../manage.py compilemessages --verbosity 0
