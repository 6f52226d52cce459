# `calendar due` reproduces every worked example of SPEC section 4 on the built-in 2026 calendar.
# No database exists here, so the built-in policy is used.

# 1. urgent approved Tue 2026-09-29: 3 working days across National Day.
$ linkctl calendar due --from 2026-09-29 --days 3
> 2026-10-09
$ linkctl calendar due --from 2026-09-29 --stage feedback --severity urgent
> 2026-10-09

# 2. major approved Fri 2026-09-18: Sun 09-20 is a make-up workday (day 1).
$ linkctl calendar due --from 2026-09-18 --days 10
> 2026-10-09
$ linkctl calendar due --from 2026-09-18 --days 10 --explain --format tsv | head -4
> date	weekday	kind	counted
> 2026-09-19	Sat	weekend	
> 2026-09-20	Sun	make-up workday	1
> 2026-09-21	Mon	workday	2

# 3. normal escalated Wed 2026-09-30: calendar days, no postponement; reset instead: working days.
$ linkctl calendar due --from 2026-09-30 --days 2 --calendar-days
> 2026-10-02
$ linkctl calendar due --from 2026-09-30 --stage escalated --severity normal
> 2026-10-02
$ linkctl calendar due --from 2026-09-30 --stage reset --severity normal
> 2026-10-09

# 4. approval: the filing day, rolled forward from a day off.
$ linkctl calendar due --from 2026-10-03 --days 0
> 2026-10-08
$ linkctl calendar due --from 2026-11-16 --stage approval --severity normal
> 2026-11-16

# 5. answer confirmed Fri 2026-02-13: Sat 02-14 is a make-up workday.
$ linkctl calendar due --from 2026-02-13 --stage review --severity normal
> 2026-02-14

# 6. delivery-related normal approved Mon 2026-11-16: the category's 10 working days.
$ linkctl calendar due --from 2026-11-16 --stage feedback --severity normal --category delivery-late-or-not-to-door
> 2026-11-30
$ linkctl calendar due --from 2026-11-16 --stage feedback --severity normal --category long-time-no-order
> 2026-11-23

# 7. outside the covered years: weekday rule only, with one warning.
$ linkctl calendar due --from 2027-09-29 --days 3
> 2027-10-04
!~ the policy's calendar does not cover 2027

# is-workday, as a record
$ linkctl calendar is-workday 2026-09-20 --format tsv
> date	weekday	workday	kind
> 2026-09-20	Sun	true	make-up workday
$ linkctl calendar is-workday 2026-10-05 --format json
> {"date":"2026-10-05","weekday":"Mon","workday":false,"kind":"holiday"}
$ linkctl calendar is-workday 2026-11-21 --format tsv --no-header
> 2026-11-21	Sat	false	weekend

# JSON with the walk
$ linkctl calendar due --from 2026-02-13 --days 1 --explain --format json
> {"from":"2026-02-13","days":1,"unit":"working_days","due":"2026-02-14","explain":[{"date":"2026-02-14","weekday":"Sat","kind":"make-up workday","counted":1}]}

# Bad input: malformed or impossible dates are usage errors.
$ linkctl calendar is-workday 2026-02-30
! linkctl: error: DATE '2026-02-30' is not a valid date; write YYYY-MM-DD, e.g. 2026-09-30
[2]
$ linkctl calendar due --from 2026-9-1 --days 3
! linkctl: error: --from '2026-9-1' is not a valid date; write YYYY-MM-DD, e.g. 2026-09-30
[2]
$ linkctl calendar due --from 2026-09-01
! linkctl: error: give --days N (or --stage with --severity)
[2]
$ linkctl calendar due --from 2026-09-01 --days -1
!~ linkctl: error:
[2]
$ linkctl calendar due --from 2026-09-01 --stage feedback
! linkctl: error: --stage needs --severity major|urgent|normal
[2]
$ linkctl calendar due --from 2026-09-01 --stage feedback --severity normal --category no-such
! linkctl: error: no category 'no-such' in the policy; see 'linkctl policy show'
[3]

# A policy file's calendar can be used directly.
$ linkctl calendar is-workday 2026-10-10 --policy $SRC/tests/e2e/policies/mini.toml --no-header
> 2026-10-10	Sat	true	make-up workday
