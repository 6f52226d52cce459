# Bug: `list --category no-such` listed nothing with exit 0; an unknown category is "not found" (exit 3).
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
$ linkctl list --category no-such --as lin.xiuying
! linkctl: error: --category no-such: no such category; see 'linkctl policy show'
[3]
