# `init` creates the database with the built-in policy or a given one, and never overwrites.
# engines: sqlite (a file as such: missing, junk, foreign, newer, in place)
$ linkctl init --format tsv
> created ./linkctl.db with policy v1 from (built-in): 某市烟草专卖局 (5 departments, 16 people, 38 categories)
$ test -s linkctl.db && echo exists
> exists
$ linkctl init
! linkctl: error: ./linkctl.db already exists; linkctl init never overwrites a database (use 'linkctl policy apply' to change its policy)
[5]
$ linkctl policy history --format tsv | cut -f1,4
> version	source
> 1	(built-in)
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	1

# A policy file, and LINKCTL_DB instead of --db.
$ cp $SRC/tests/e2e/policies/mini.toml . && LINKCTL_DB=other.db linkctl init --policy mini.toml --as gao.feng
> created other.db with policy v1 from mini.toml: 测试局 (3 departments, 6 people, 3 categories)
$ linkctl --db other.db policy history --no-header --format tsv | cut -f1,3,4
> 1	gao.feng	mini.toml

# An invalid policy creates nothing.
$ printf '[organization]\nname = 1\n' > bad.toml && linkctl --db third.db init --policy bad.toml; test -e third.db || echo "no file"
> no file
!~ bad.toml:2: error: [organization].name must be a string, not an integer; quote it
!~ linkctl: error: bad.toml has
