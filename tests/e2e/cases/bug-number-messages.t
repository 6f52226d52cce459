# Bug: malformed ids and counts gave CLI11's raw conversion messages; they now say what would be right (exit 2).
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
$ linkctl show abc --as lin.xiuying
! linkctl: error: ID: 'abc' is not a ticket id; give the number 'linkctl list' shows, e.g. 12 (see linkctl --help)
[2]
$ linkctl show 0 --as lin.xiuying
! linkctl: error: ID: '0' is not a ticket id; give the number 'linkctl list' shows, e.g. 12 (see linkctl --help)
[2]
$ linkctl list --limit 0 --as lin.xiuying
! linkctl: error: --limit: '0' is not a whole number above 0; e.g. 10 (see linkctl --help)
[2]
$ linkctl events --since -1 --as lin.xiuying
! linkctl: error: --since: '-1' is not a whole number; e.g. 0 (see linkctl --help)
[2]
