# Global options, exit codes and database problems (SPEC section 7).
# engines: sqlite (a file as such: missing, junk, foreign, newer, in place)
$ linkctl --version
> linkctl 0.1.0 (schema 5)
$ linkctl --no-such-option policy history
!~ linkctl: error:
[2]
$ linkctl frobnicate
!~ linkctl: error:
[2]
$ linkctl
!~ linkctl: error:
[2]
$ linkctl --help | head -1
> linkctl: cross-department linkage (联动) tickets, deadlines and monthly scores, on one SQLite file or a PostgreSQL server.

# No database yet: exit 7 with the fix.
$ linkctl policy history
! linkctl: error: no database at ./linkctl.db; create one with 'linkctl init' or point --db / LINKCTL_DB at it
[7]

# An unknown --format is a usage error.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
$ linkctl policy history --format yaml
! linkctl: error: --format yaml is not known; use table, tsv, csv or json (or xlsx, html: report, stats)
[2]
$ LINKCTL_FORMAT=csv linkctl policy history | cut -d, -f1,3
> version,applied_by
> 1,gao.feng

# A file that is not a database, and one from a newer linkctl.
$ echo "not sqlite" > junk.db && linkctl --db junk.db policy history
!~ linkctl: error:
[7]
$ cp linkctl.db newer.db && sqlite3 newer.db 'PRAGMA user_version = 99' && linkctl --db newer.db policy history
! linkctl: error: newer.db has schema version 99, newer than this linkctl understands (5); upgrade linkctl
[7]
$ sqlite3 empty.db 'CREATE TABLE t(x)' && linkctl --db empty.db policy history
! linkctl: error: empty.db is not a linkctl database (it has no linkctl schema); create one with 'linkctl init --db NEW-FILE'
[7]

# The clock override: honoured only where the policy allows it.
$ linkctl init --db builtin.db >/dev/null 2>&1 && linkctl --db builtin.db --today 2026-10-01 policy apply mini.toml
! linkctl: error: --now/--today/LINKCTL_NOW is not allowed by this policy; set [organization] allow_clock_override = true (tests, demos, back-filling) or unset LINKCTL_NOW
[4]
$ linkctl --now 2026-10-01T24:00 --as gao.feng policy apply mini.toml
! linkctl: error: --now/LINKCTL_NOW '2026-10-01T24:00' is not a valid time; write ISO-8601, e.g. 2026-09-30T09:30 (local) or 2026-09-30T01:30:00Z
[2]
