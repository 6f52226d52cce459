# `deadlines ID` (SPEC sections 4, 7): each due date of a ticket explained day by day:
# which days counted, which were skipped as weekend or holiday, which make-up working
# days counted; escalations in calendar days, with no postponement.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# major, filed and approved Fri 2026-09-18 → feedback due 10-09 (SPEC 4, example 2).
$ linkctl file --as yang.fan --today 2026-09-18 --category virtual-customer --title '疑似虚拟客户' --quiet
> 1
$ linkctl approve 1 --as wang.qiang --today 2026-09-18 >/dev/null
$ linkctl deadlines 1 --as wang.qiang --today 2026-09-18 --format tsv | cut -f1-5 | uniq
> stage	rule	from	due	status
> approval	approval	2026-09-18	2026-09-18	finished on time
> feedback	feedback	2026-09-18	2026-10-09	open
$ linkctl deadlines 1 --as wang.qiang --today 2026-09-18 --format tsv --no-header | grep '^feedback' | cut -f6-9
> 2026-09-19	Sat	weekend	
> 2026-09-20	Sun	make-up workday	1
> 2026-09-21	Mon	workday	2
> 2026-09-22	Tue	workday	3
> 2026-09-23	Wed	workday	4
> 2026-09-24	Thu	workday	5
> 2026-09-25	Fri	holiday	
> 2026-09-26	Sat	holiday	
> 2026-09-27	Sun	holiday	
> 2026-09-28	Mon	workday	6
> 2026-09-29	Tue	workday	7
> 2026-09-30	Wed	workday	8
> 2026-10-01	Thu	holiday	
> 2026-10-02	Fri	holiday	
> 2026-10-03	Sat	holiday	
> 2026-10-04	Sun	holiday	
> 2026-10-05	Mon	holiday	
> 2026-10-06	Tue	holiday	
> 2026-10-07	Wed	holiday	
> 2026-10-08	Thu	workday	9
> 2026-10-09	Fri	workday	10

# Filed on a holiday, Sat 10-03: the approval day rolls forward over the holidays to Thu 10-08 (SPEC 4, example 4).
$ linkctl file --as li.na --today 2026-10-03 --category delivery-late --title '节日上报' --quiet
> 2
$ linkctl deadlines 2 --as zhang.wei --today 2026-10-03 --format tsv --no-header | cut -f1,3-9
> approval	2026-10-03	2026-10-08	open	2026-10-03	Sat	holiday	
> approval	2026-10-03	2026-10-08	open	2026-10-04	Sun	holiday	
> approval	2026-10-03	2026-10-08	open	2026-10-05	Mon	holiday	
> approval	2026-10-03	2026-10-08	open	2026-10-06	Tue	holiday	
> approval	2026-10-03	2026-10-08	open	2026-10-07	Wed	holiday	
> approval	2026-10-03	2026-10-08	open	2026-10-08	Thu	workday	1

# Unapproved the day after its due date, the stage shows as overdue.
$ linkctl deadlines 2 --as zhang.wei --today 2026-10-09 --format tsv --no-header | cut -f5 | uniq
> overdue

# normal (lowered), approved Tue 09-29 (due Mon 10-12), escalated Wed 09-30: 2 calendar days,
# both holidays, counted anyway → 10-02 (SPEC 4, example 3).
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '三' --quiet
> 3
$ linkctl approve 3 --as zhang.wei --today 2026-09-29 --severity normal >/dev/null && linkctl escalate 3 --as lin.xiuying --today 2026-09-30 >/dev/null
$ linkctl deadlines 3 --as zhang.wei --today 2026-09-30 --format tsv | cut -f1,3-5 | uniq
> stage	from	due	status
> approval	2026-09-29	2026-09-29	finished on time
> feedback	2026-09-29	2026-10-12	open
> feedback (escalated)	2026-09-30	2026-10-02	open
$ linkctl deadlines 3 --as zhang.wei --today 2026-09-30 --format tsv --no-header | grep '^feedback	' | cut -f6-9 | grep -v holiday
> 2026-09-30	Wed	workday	1
> 2026-10-08	Thu	workday	2
> 2026-10-09	Fri	workday	3
> 2026-10-10	Sat	make-up workday	4
> 2026-10-11	Sun	weekend	
> 2026-10-12	Mon	workday	5
$ linkctl deadlines 3 --as zhang.wei --today 2026-09-30 --format tsv --no-header | grep '^feedback (escalated)' | cut -f6-9
> 2026-10-01	Thu	holiday	1
> 2026-10-02	Fri	holiday	2
$ linkctl deadlines 3 --as zhang.wei --today 2026-10-03 --format tsv --no-header | grep '^feedback (escalated)' | cut -f5 | uniq
> overdue

# Every stage a ticket went through, in order: normal approved Mon 09-28 (due 10-10), answered Tue 09-29
# (review due 09-30), reset Wed 09-30 → 2 working days, 10-09 (SPEC 4, example 3).
$ linkctl file --as yang.fan --today 2026-09-28 --category shop-moved --title '四' --quiet
> 4
$ linkctl approve 4 --as wang.qiang --today 2026-09-28 --severity normal >/dev/null && linkctl route 4 --as zhang.wei --today 2026-09-28 --to li.na >/dev/null && linkctl close 4 --as li.na --today 2026-09-29 --result '好' >/dev/null && linkctl confirm 4 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl reset 4 --as wang.qiang --today 2026-09-30 --reason '重办' >/dev/null
$ linkctl deadlines 4 --as wang.qiang --today 2026-09-30 --format tsv | cut -f1-5 | uniq
> stage	rule	from	due	status
> approval	approval	2026-09-28	2026-09-28	finished on time
> feedback	feedback	2026-09-28	2026-10-10	finished on time
> review	review	2026-09-29	2026-09-30	finished on time
> feedback	reset	2026-09-30	2026-10-09	open
$ linkctl deadlines 4 --as wang.qiang --today 2026-09-30 --format tsv --no-header | grep '^review' | cut -f6-9
> 2026-09-30	Wed	workday	1
$ linkctl deadlines 4 --as wang.qiang --today 2026-09-30 --format tsv --no-header | grep '	reset	' | cut -f6-9 | grep -v holiday
> 2026-10-08	Thu	workday	1
> 2026-10-09	Fri	workday	2

# JSON: one object per day.
$ linkctl deadlines 2 --as zhang.wei --today 2026-10-03 --format json | grep -c '^{"stage":"approval","rule":"approval","from":"2026-10-03","due":"2026-10-08"'
> 6

# Refused (exit 3): a ticket the actor cannot see, an unknown one; exit 2 without an id.
$ linkctl deadlines 3 --as yang.fan --today 2026-09-30
! linkctl: error: no ticket 3 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl deadlines 99 --as gao.feng --today 2026-09-30
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl deadlines --as gao.feng
! linkctl: error: deadlines needs a ticket ID (or --recompute)
[2]

# Explaining changes nothing.
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	13
