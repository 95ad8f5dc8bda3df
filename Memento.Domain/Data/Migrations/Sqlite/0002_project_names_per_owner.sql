-- Issue 10, finding 6a: project names are unique per owner, no longer server-wide, so that creating or renaming
-- a project can no longer reveal that someone else's hidden project carries the name.
-- Projects whose owner was deleted (OwnerId NULL) are not constrained among themselves: NULLs are distinct in a
-- unique index. Existing rows were unique server-wide, so they satisfy the new index.
-- The (OwnerId, Name) index also serves the owner foreign key, so IX_Projects_OwnerId goes.
DROP INDEX "IX_Projects_Name";

DROP INDEX "IX_Projects_OwnerId";

CREATE UNIQUE INDEX "IX_Projects_OwnerId_Name" ON "Projects" ("OwnerId", "Name");
