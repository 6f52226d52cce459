# deadlines --recompute: after a calendar correction, open due dates are computed again (admins), one event each;
# finished stages keep the dates they were judged by.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
# 1: approved Mon 11-16 (delivery-late, 10 WD -> 11-30), still open.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title 一 --quiet && linkctl approve 1 --as zhang.wei --today 2026-11-16 --format tsv --no-header | cut -f13
> 1
> 2026-11-30
# 2: shop-moved (urgent, market) approved and answered 11-16: its feedback stage is finished (due 11-19).
$ linkctl file --as li.na --today 2026-11-16 --category shop-moved --title 二 --quiet && for v in "approve 2" "route 2 --to li.na"; do linkctl $v --as zhang.wei --today 2026-11-16 >/dev/null; done && linkctl close 2 --result 好 --as li.na --today 2026-11-16 >/dev/null && linkctl confirm 2 --as zhang.wei --today 2026-11-16 --format tsv --no-header | cut -f14
> 2
> 2026-11-17
# The admin learns that Fri 11-20 was declared a day off and corrects the calendar.
$ sed 's/^holidays = \[2026-09-25/holidays = [2026-11-20, 2026-09-25/' mini.toml > fixed.toml && linkctl policy apply fixed.toml --as gao.feng
> applied fixed.toml as policy v2
$ linkctl deadlines --recompute --as zhang.wei
! linkctl: error: zhang.wei may not recompute deadlines: only admins may
[4]
# Ticket 1's feedback moves to 12-01; ticket 2's answered stage is left alone (its review, due 11-17, is unaffected).
$ linkctl deadlines --recompute --as gao.feng --today 2026-11-18 --format table
> ticket 1: routed; feedback due 2026-12-01
$ linkctl deadlines --recompute --as gao.feng --today 2026-11-18 --format table
> no open due date changed
$ linkctl history 1 --as gao.feng --format tsv --no-header | tail -1 | cut -f4,6,10
> gao.feng	deadlines.recompute	deadlines recomputed under the policy in force
$ linkctl show 2 --as gao.feng --format json | grep -o '"feedback_due":"[^"]*"'
> "feedback_due":"2026-11-19"
$ linkctl audit verify --format tsv --no-header | cut -f1
> ok
