# policy check / apply / show / history.
$ cp $SRC/tests/e2e/policies/mini.toml . && cp $SRC/examples/four-roles.toml .
$ linkctl policy check mini.toml
> mini.toml: ok: 测试局 (3 departments, 6 people, 3 categories; calendar 2026-2030)
$ linkctl policy check four-roles.toml
> four-roles.toml: ok: 某市烟草专卖局 (5 departments, 16 people, 38 categories; calendar 2024-2026)

# A broken file: every problem with file:line, exit 6.
--- FILE broken.toml
[organization]
name = "坏的"
timezone = "Asia/Shanghai"
identity = "declared"
colour = "red"

[deadlines]
approval = 0
feedback = { major = 10, urgent = 3, normal = 5 }
review = -1
escalated = { major = 3, urgent = 1, normal = 2, calendar_days = true }
reset = { major = 3, urgent = 1, normal = 2 }

[[departments]]
code = "market"
name = "市场部"
kind = "front"
leads = ["zhang.wei"]

[[people]]
id = "zhang.wei"
name = "张伟"
department = "markt"
roles = ["lead", "filer:customer-manager"]

[[categories]]
code = "c1"
name = "问题"
severity = "normal"
filers = ["customer-manager"]
to = "logistics"
--- END
$ linkctl policy check broken.toml
! broken.toml:1: warning: no [calendar]: only weekends are days off; add holidays = [...] and workdays = [...] (see the [calendar.cn-2026] table of examples/four-roles.toml)
! broken.toml:1: warning: no person has the role 'supervisor': nobody can escalate, reset after rating, spot-check or freeze reports
! broken.toml:5: error: unknown key 'colour' in [organization]; known: name, timezone, base_score, allow_clock_override, identity
! broken.toml:10: error: [deadlines].review = -1 is out of range; use 0 to 366
! broken.toml:14: error: department 'market': lead 'zhang.wei' belongs to department 'markt'; a lead must be a member of the department they lead
! broken.toml:20: error: person 'zhang.wei': department 'markt' is not defined; did you mean 'market'?
! broken.toml:26: error: category 'c1': to = "logistics" is not a department; known: market
! linkctl: error: broken.toml has 5 errors; nothing was changed (check it with 'linkctl policy check broken.toml')
[6]
$ printf 'a = [1,\nb = 2\n' > syntax.toml && linkctl policy check syntax.toml
!~ syntax.toml:2: error: TOML syntax:
[6]
$ linkctl policy check missing.toml
! linkctl: error: policy file missing.toml: cannot read the file (No such file or directory); check the path
[3]

# apply: admins only, validated first, atomic, recorded.
$ linkctl init --policy mini.toml --as gao.feng
> created ./linkctl.db with policy v1 from mini.toml: 测试局 (3 departments, 6 people, 3 categories)
$ sed 's/base_score = 100/base_score = 90/; s/name = "测试局"/name = "测试局二"/' mini.toml > v2.toml && linkctl policy apply v2.toml --as li.na
! linkctl: error: 'li.na' may not change the policy; only people with the admin role (or root) may
[4]
$ linkctl policy apply broken.toml --as gao.feng
!~ linkctl: error: broken.toml has 5 errors; nothing was changed
[6]
$ linkctl policy apply v2.toml --as gao.feng
> applied v2.toml as policy v2
$ linkctl policy apply v2.toml --as gao.feng
> policy unchanged: v2.toml is already in force as v2
$ linkctl policy history --format tsv | cut -f1,3,4
> version	applied_by	source
> 1	gao.feng	mini.toml
> 2	gao.feng	v2.toml
$ linkctl policy show --format json | grep -o '"name":"测试局二"'
> "name":"测试局二"
$ linkctl policy show --source | diff - v2.toml && echo same
> same
$ linkctl policy show --format tsv | head -2
> name	timezone	base_score	allow_clock_override	identity	calendar
> 测试局二	Asia/Shanghai	100	true	declared	2026-2030
