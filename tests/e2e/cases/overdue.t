# overdue: open stages past their due date; --check for cron (exit 8); --new announces each lapse once.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
# 1: delivery-late approved Mon 09-28: 10 working days over National Day and Sat 10-10 -> 10-16.
$ linkctl file --as li.na --today 2026-09-28 --category delivery-late --title 送货不及时 --quiet && linkctl approve 1 --as zhang.wei --today 2026-09-28 --format tsv --no-header | cut -f13
> 1
> 2026-10-16
# 2: shop-moved filed Mon 10-12 and never approved (approval due 10-12).
$ linkctl file --as li.na --today 2026-10-12 --category shop-moved --title 店面已转让 --quiet
> 2
# 3: delivery-late approved 10-12 -> 10-26.
$ linkctl file --as li.na --today 2026-10-12 --category delivery-late --title 未送货到户 --quiet && linkctl approve 3 --as zhang.wei --today 2026-10-12 >/dev/null
> 3

# On the due date nothing is overdue: nothing printed, exit 0 even with --check.
$ linkctl overdue --as lin.xiuying --today 2026-10-12 --check
# The day after, the approval is one day late.
$ linkctl overdue --as lin.xiuying --today 2026-10-13 --format tsv
> dept	ticket	stage	due	days_late	severity	state	escalated	title
> market	2	approval	2026-10-12	1	urgent	pending	false	店面已转让
$ linkctl overdue --as lin.xiuying --today 2026-10-13 --check --format tsv --no-header
> market	2	approval	2026-10-12	1	urgent	pending	false	店面已转让
[8]
$ linkctl overdue --as lin.xiuying --today 2026-10-13 --format json
> [
> {"dept":"market","ticket":2,"stage":"approval","due":"2026-10-12","days_late":1,"severity":"urgent","state":"pending","escalated":false,"title":"店面已转让"}
> ]

# --new: each lapse once, across runs (as two cron jobs would).
$ linkctl overdue --new --as lin.xiuying --today 2026-10-13 --format tsv --no-header | cut -f2,3
> 2	approval
$ linkctl overdue --new --check --as lin.xiuying --today 2026-10-13 --format tsv --no-header
$ linkctl overdue --new --as lin.xiuying --today 2026-10-19 --format tsv --no-header | cut -f2-5
> 1	feedback	2026-10-16	3
$ linkctl overdue --new --as lin.xiuying --today 2026-10-19 --format tsv --no-header
# Plain overdue still lists both, oldest lapse first.
$ linkctl overdue --as lin.xiuying --today 2026-10-19 --format tsv --no-header | cut -f2,3
> 2	approval
> 1	feedback
# Escalated after the lapse (2 calendar days -> 10-21): the escalation's lapse is new news on 10-22, not before.
$ linkctl escalate 1 --as lin.xiuying --today 2026-10-19 --format tsv --no-header | cut -f13
> 2026-10-21
$ linkctl overdue --new --as lin.xiuying --today 2026-10-21 --format tsv --no-header
$ linkctl overdue --new --as lin.xiuying --today 2026-10-22 --format tsv --no-header | cut -f2-5,8
> 1	feedback	2026-10-21	1	true
# Each announcing run is one event.
$ linkctl events --as lin.xiuying --format tsv --no-header | grep -c overdue.announce
> 3

# Filters, and visibility: a lead sees only their own department's tickets (not market's ticket 2).
$ linkctl overdue --as lin.xiuying --today 2026-10-27 --dept logistics --format tsv --no-header | cut -f1-3
> logistics	1	feedback
> logistics	3	feedback
$ linkctl overdue --as lin.xiuying --today 2026-10-27 --severity urgent --format tsv --no-header | cut -f1-3
> market	2	approval
$ linkctl overdue --as wang.qiang --today 2026-10-27 --format tsv --no-header | cut -f1-3
> logistics	1	feedback
> logistics	3	feedback
$ linkctl overdue --as lin.xiuying --dept nowhere
! linkctl: error: --dept nowhere: no such department
[3]
