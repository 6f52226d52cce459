# `doctor` (issue 20): checks the database without changing it, one row per check:
# schema, write_lock (taken and given back within the busy timeout), the engine's own
# state (SQLite: wal, checkpoint; PostgreSQL: sessions) and integrity (SQLite: quick_check).
# Exit 0 when usable, 7 with the failed checks named when not. A writer stalled inside
# its transaction and a damaged page are tests/reliability/stall.sh (they need signals and
# a file to damage); the checks every engine has are compared here.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet
> 1

# A healthy database: every check ok or skipped, exit 0.
$ linkctl doctor --format tsv | grep -E '^(check|schema|write_lock)	' | cut -f1,2
> check	status
> schema	ok
> write_lock	ok
$ linkctl doctor --format tsv --no-header | cut -f2 | sort -u | grep -v -x -e ok -e skipped; echo "exit ${PIPESTATUS[0]}"
> exit 0
$ linkctl doctor --format json | python3 -c 'import json, sys; print(sorted({tuple(r) for r in json.load(sys.stdin)}))'
> [('check', 'status', 'detail')]
$ LINKCTL_BUSY_TIMEOUT=250 linkctl doctor --format tsv --no-header | grep '^write_lock' | grep -o 'writers wait up to [0-9]* ms'
> writers wait up to 250 ms

# Nothing changed: the chain and its tickets as before.
$ linkctl audit verify --format tsv --no-header | cut -f1-3
> ok	2	1

# A database that is not there: one finding, a problem, exit 7.
$ set -o pipefail; linkctl --db "$(dbaddr missing)" doctor --format tsv --no-header | cut -f1,2
> open	problem
! linkctl: error: the database is not usable (open); see doctor's findings above
[7]

# A bad busy timeout is a usage error, before anything is opened.
$ LINKCTL_BUSY_TIMEOUT=soon linkctl doctor
! linkctl: error: LINKCTL_BUSY_TIMEOUT=soon is not a number of milliseconds (0 to 3600000)
[2]
