# `rate satisfied|fair|unsatisfied` (SPEC sections 3, 5): the sending lead judges the
# answer; answered → done (final). The review stage is due 1 working day after the answer.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Answered Wed 09-30 (review due Thu 10-08), rated satisfied on the due date: on time.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet
> 1
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 1 --as wang.qiang --today 2026-09-29 --to yang.fan >/dev/null && linkctl close 1 --as yang.fan --today 2026-09-30 --result '已送到' >/dev/null && linkctl confirm 1 --as wang.qiang --today 2026-09-30 >/dev/null
$ linkctl rate 1 satisfied --as zhang.wei --today 2026-10-08 --format table
> ticket 1: answered → done
$ linkctl show 1 --as zhang.wei --today 2026-10-08 --format tsv | cut -f2,14,17,18
> state	review_due	rating	overdue
> done	2026-10-08	satisfied	

# fair, with a comment for the history.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '二' --quiet
> 2
$ linkctl approve 2 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 2 --as wang.qiang --today 2026-09-29 --to yang.fan >/dev/null && linkctl close 2 --as yang.fan --today 2026-09-30 --result '已送到' >/dev/null && linkctl confirm 2 --as wang.qiang --today 2026-09-30 >/dev/null
$ linkctl rate 2 fair --as zhang.wei --today 2026-09-30 --comment '处理较慢' --format table
> ticket 2: answered → done
$ linkctl history 2 --as zhang.wei --format json | tail -2 | grep -o '"verb":"[^"]*"\|"rating":\[[^]]*\]\|"note":"[^"]*"'
> "verb":"rate"
> "rating":[null,"fair"]
> "note":"处理较慢"

# unsatisfied, rated Fri 10-09, a day after the review was due (10-08): review overdue (SPEC 5).
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '三' --quiet
> 3
$ linkctl approve 3 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 3 --as wang.qiang --today 2026-09-29 --to yang.fan >/dev/null && linkctl close 3 --as yang.fan --today 2026-09-30 --result '已送到' >/dev/null && linkctl confirm 3 --as wang.qiang --today 2026-09-30 >/dev/null
$ linkctl rate 3 unsatisfied --as zhang.wei --today 2026-10-09 --format table
> ticket 3: answered → done (overdue: review)
$ linkctl show 3 --as zhang.wei --today 2026-10-09 --format json | grep -o '"rating":"[^"]*"\|"overdue":\[[^]]*\]'
> "rating":"unsatisfied"
> "overdue":["review"]

# done is final for rating: a second rating is refused (exit 5); a comment is still fine.
$ linkctl rate 1 fair --as zhang.wei --today 2026-10-09
! linkctl: error: ticket 1 is 'done', so it cannot be rated; allowed here: reset (supervisor), spotcheck record, comment
[5]
$ linkctl comment 1 --as li.na --today 2026-10-09 '谢谢' --format table
> ticket 1: done

# For the refusals: 4 answered, 5 handled, 6 market to market.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '四' --quiet && linkctl approve 4 --as zhang.wei --today 2026-11-16 >/dev/null && linkctl route 4 --as wang.qiang --today 2026-11-16 --to yang.fan >/dev/null && linkctl close 4 --as yang.fan --today 2026-11-16 --result '好' >/dev/null && linkctl confirm 4 --as wang.qiang --today 2026-11-16 >/dev/null
> 4
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '五' --quiet && linkctl approve 5 --as zhang.wei --today 2026-11-16 >/dev/null && linkctl route 5 --as wang.qiang --today 2026-11-16 --to yang.fan >/dev/null && linkctl close 5 --as yang.fan --today 2026-11-16 --result '好' >/dev/null
> 5
$ linkctl file --as li.na --today 2026-11-16 --category shop-moved --title '六' --quiet
> 6

# Refused (exit 2): an unknown rating, or none.
$ linkctl rate 4 good --as zhang.wei --today 2026-11-17
! linkctl: error: rating 'good' is not known; use satisfied, fair or unsatisfied
[2]
$ linkctl rate 4 --as zhang.wei --today 2026-11-17
! linkctl: error: RATING is required (see linkctl --help)
[2]

# Refused (exit 4): the receiving lead, the filer, the supervisor.
$ linkctl rate 4 satisfied --as wang.qiang --today 2026-11-17
! linkctl: error: wang.qiang may not rate ticket 4: only a lead of the sending department 市场部 (market) (zhang.wei) may
[4]
$ linkctl rate 4 satisfied --as li.na --today 2026-11-17
! linkctl: error: li.na may not rate ticket 4: only a lead of the sending department 市场部 (market) (zhang.wei) may
[4]
$ linkctl rate 4 satisfied --as lin.xiuying --today 2026-11-17
! linkctl: error: lin.xiuying may not rate ticket 4: only a lead of the sending department 市场部 (market) (zhang.wei) may
[4]

# Refused (exit 3): invisible (market to market, from logistics) and unknown tickets.
$ linkctl rate 6 satisfied --as wang.qiang --today 2026-11-17
! linkctl: error: no ticket 6 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl rate 99 satisfied --as zhang.wei --today 2026-11-17
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]

# Refused (exit 5): not answered yet.
$ linkctl rate 5 satisfied --as zhang.wei --today 2026-11-17
! linkctl: error: ticket 5 is 'handled', so it cannot be rated; allowed here: confirm, route, explain, escalate, comment
[5]

# None of the refusals changed anything.
$ linkctl show 4 --as zhang.wei --today 2026-11-17 --format tsv --no-header | cut -f2,14,17
> answered	2026-11-17	
$ linkctl history 4 --as zhang.wei --format tsv --no-header | wc -l
> 5
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	30
