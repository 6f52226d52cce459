-- SPDX-License-Identifier: MIT
-- linkctl schema, version 5: approval chains (SPEC section 11).
-- A ticket of a chained category keeps the chain it was filed under (JSON: code,
-- name, levels with their approvers and deadlines); each level is an `approval`
-- stage with its number. Both are NULL for the implicit one-level chain, so rows
-- written before version 5 keep their meaning and their digests.
ALTER TABLE tickets ADD COLUMN approval_chain TEXT;
ALTER TABLE stages ADD COLUMN level INTEGER CHECK (level IS NULL OR level >= 1);
