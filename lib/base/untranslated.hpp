// SPDX-License-Identifier: MIT
#pragma once

namespace linkctl {

/// From now on tr() and trf() give the original text: for a command whose machine output
/// (tsv/csv/json) carries messages, such as doctor's findings, which must not change with LANG.
void keep_original_text();

}  // namespace linkctl
