-- Issue 15: the object-type hierarchy's closure (each type with itself and every ancestor), so a dataset query's
-- "has: [cell]" finds regions of any descendant type with one indexed lookup. Filled here from the existing parent
-- edges; kept whole by ObjectTypeClosure on every vocabulary change.
CREATE TABLE "ObjectTypeAncestors" (
    "ObjectTypeId" character varying(100) NOT NULL,
    "AncestorId" character varying(100) NOT NULL,
    CONSTRAINT "PK_ObjectTypeAncestors" PRIMARY KEY ("AncestorId", "ObjectTypeId"),
    CONSTRAINT "FK_ObjectTypeAncestors_ObjectTypes_AncestorId" FOREIGN KEY ("AncestorId") REFERENCES "ObjectTypes" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ObjectTypeAncestors_ObjectTypes_ObjectTypeId" FOREIGN KEY ("ObjectTypeId") REFERENCES "ObjectTypes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ObjectTypeAncestors_ObjectTypeId" ON "ObjectTypeAncestors" ("ObjectTypeId");

INSERT INTO "ObjectTypeAncestors" ("ObjectTypeId", "AncestorId")
WITH RECURSIVE up("ObjectTypeId", "AncestorId") AS (
    SELECT "Id", "Id" FROM "ObjectTypes"
    UNION
    SELECT up."ObjectTypeId", p."ParentId" FROM up JOIN "ObjectTypeParents" p ON p."ChildId" = up."AncestorId"
)
SELECT "ObjectTypeId", "AncestorId" FROM up;
