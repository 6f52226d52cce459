# `completion bash|zsh|fish` (issue 7): shell completion scripts written from the commands
# linkctl registers, so they name every verb and option without a hand-kept list.

# comp WORD...: what bash would offer for the command line WORD... (the last word is the
# one under the cursor; "" after a space), one candidate a line.
--- FILE comp.sh
source ./linkctl.bash
comp() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _linkctl
  [ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}"
}
--- END
# The top-level verbs, as `linkctl --help` lists them.
$ linkctl --help | awk '/^Subcommands:/ { s = 1; next } /^[^ ]/ { s = 0 } s && /^  [a-z]/ { print $1 }' > verbs && [ "$(wc -l < verbs)" -gt 20 ] && grep -qx completion verbs

# bash: valid syntax, and it registers itself for linkctl.
$ linkctl completion bash > linkctl.bash && bash -n linkctl.bash
$ source ./linkctl.bash && complete -p linkctl
> complete -F _linkctl linkctl

# Verbs at each level.
$ . ./comp.sh && comp linkctl rep
> report
$ . ./comp.sh && comp linkctl report mon
> monthly
$ . ./comp.sh && comp linkctl policy ''
> check
> apply
> show
> history
$ . ./comp.sh && comp linkctl '' | diff - verbs
# Global options and their values are skipped on the way to the verb.
$ . ./comp.sh && comp linkctl --db x.db --format=tsv --no-header rep
> report
$ . ./comp.sh && comp linkctl --db x.db --format = tsv cal
> calendar
# A verb's positional argument is not a verb: nothing to offer after `show 3`.
$ . ./comp.sh && comp linkctl show 3 ''

# Fixed values of positional arguments and options.
$ . ./comp.sh && comp linkctl rate 1 ''
> satisfied
> fair
> unsatisfied
$ . ./comp.sh && comp linkctl rate 1 un
> unsatisfied
$ . ./comp.sh && comp linkctl rate 1 fair ''
$ . ./comp.sh && comp linkctl list --format ''
> table
> tsv
> csv
> json
$ . ./comp.sh && comp linkctl --format j
> json
# "--format=" as bash splits it at "=" (COMP_WORDBREAKS).
$ . ./comp.sh && comp linkctl inbox --format = && comp linkctl inbox --format = c
> table
> tsv
> csv
> json
> csv
$ . ./comp.sh && comp linkctl list --state ''
> pending
> routed
> assigned
> handled
> answered
> done
> rejected
$ . ./comp.sh && comp linkctl approve 3 --severity '' && comp linkctl calendar due --from 2026-10-08 --severity u
> major
> urgent
> normal
> urgent
$ . ./comp.sh && comp linkctl spotcheck record 3 --finding ''
> ok
> fake
$ . ./comp.sh && comp linkctl completion ''
> bash
> zsh
> fish

# Options: the verb's own, then the global ones.
$ . ./comp.sh && comp linkctl approve --s
> --severity
$ . ./comp.sh && comp linkctl list --fo
> --format
$ . ./comp.sh && comp linkctl report monthly --f
> --freeze
> --format
$ . ./comp.sh && comp linkctl --v
> --version
# A flag takes no value: after it come verbs again.
$ . ./comp.sh && comp linkctl --no-header in
> init
> inbox
# File arguments complete file names.
$ touch data.csv && . ./comp.sh && comp linkctl import da && comp linkctl init --policy da
> data.csv
> data.csv

# zsh and fish: non-empty, and they name every top-level verb.
$ linkctl completion zsh > _linkctl && head -1 _linkctl
> #compdef linkctl
$ grep "^    '') commands=" _linkctl | cut -d"'" -f4 | tr ' ' '\n' | diff - verbs
$ for v in $(cat verbs); do grep -q "'$v:" _linkctl || echo "zsh lacks $v"; done
$ linkctl completion fish > linkctl.fish && grep -F "__linkctl_at \\'\\''" linkctl.fish | awk '$8 == "-a" { print $9 }' | diff - verbs
$ grep -cF "__linkctl_at \\'report monthly\\'' -l freeze" linkctl.fish
> 1
# Their syntax, where the shell is installed.
$ if command -v zsh >/dev/null; then zsh -n _linkctl; fi
$ if command -v fish >/dev/null; then fish --no-execute linkctl.fish; fi

# The same script on every run; a shell it does not know is a usage error.
$ linkctl completion bash | cmp - linkctl.bash
$ linkctl completion tcsh
! linkctl: error: no completion for shell 'tcsh'; use bash, zsh or fish
[2]
$ linkctl completion
!~ SHELL is required
[2]
