-- SPDX-License-Identifier: MIT
-- linkctl schema, version 5 (schema/sqlite/0005_approval_chains.sql): the approval
-- chain a ticket was filed under, and each approval stage's level; NULL for the
-- implicit one-level chain.
ALTER TABLE tickets ADD COLUMN approval_chain TEXT COLLATE "C";
ALTER TABLE stages ADD COLUMN level INTEGER CHECK (level IS NULL OR level >= 1);
