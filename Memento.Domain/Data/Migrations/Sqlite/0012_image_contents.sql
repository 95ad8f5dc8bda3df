-- Issue 15: what lies over each image, kept by the database itself so that no write path (region saves, uploads,
-- copies, layer and annotation deletions, cascades) can forget it. An image's regions are those of the drawing layers
-- of every annotation that has a layer showing the image, each once. Images.RegionCount counts them; ImageObjects
-- counts them per object type. The dataset search orders by the first and probes the second.
--
-- Deletions are the delicate part: a cascade may delete an annotation's image layers before its regions, after which
-- nobody knows which images those regions lay over. So deleting an annotation first deletes its drawing layers, and
-- deleting a drawing layer first deletes its regions, one by one through the region trigger, while the image layers
-- still exist — whatever order the cascade would have chosen.
ALTER TABLE "Images" ADD "RegionCount" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "ImageObjects" (
    "ImageId" INTEGER NOT NULL,
    "ObjectTypeId" TEXT NOT NULL,
    "RegionCount" INTEGER NOT NULL,
    CONSTRAINT "PK_ImageObjects" PRIMARY KEY ("ObjectTypeId", "ImageId"),
    CONSTRAINT "FK_ImageObjects_Images_ImageId" FOREIGN KEY ("ImageId") REFERENCES "Images" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ImageObjects_ObjectTypes_ObjectTypeId" FOREIGN KEY ("ObjectTypeId") REFERENCES "ObjectTypes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ImageObjects_ImageId" ON "ImageObjects" ("ImageId");

CREATE INDEX "IX_Images_RegionCount_Id" ON "Images" ("RegionCount", "Id");

CREATE INDEX "IX_Images_Title_Id" ON "Images" ("Title", "Id");

-- What exists already.
UPDATE "Images" SET "RegionCount" = (
    SELECT COUNT(DISTINCT r."Id") FROM "Layers" s
    JOIN "Layers" d ON d."AnnotationId" = s."AnnotationId" AND d."Kind" = 'Drawing'
    JOIN "Regions" r ON r."LayerId" = d."Id"
    WHERE s."ImageId" = "Images"."Id");

INSERT INTO "ImageObjects" ("ImageId", "ObjectTypeId", "RegionCount")
SELECT s."ImageId", r."ObjectTypeId", COUNT(DISTINCT r."Id") FROM "Layers" s
JOIN "Layers" d ON d."AnnotationId" = s."AnnotationId" AND d."Kind" = 'Drawing'
JOIN "Regions" r ON r."LayerId" = d."Id"
WHERE s."ImageId" IS NOT NULL AND r."ObjectTypeId" IS NOT NULL
GROUP BY s."ImageId", r."ObjectTypeId";

-- A region appears: +1 for every image its annotation shows.
CREATE TRIGGER "TR_Regions_Contents_Insert" AFTER INSERT ON "Regions"
BEGIN
    UPDATE "Images" SET "RegionCount" = "RegionCount" + 1 WHERE "Id" IN (
        SELECT s."ImageId" FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
        WHERE d."Id" = NEW."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL);
    INSERT INTO "ImageObjects" ("ImageId", "ObjectTypeId", "RegionCount")
    SELECT DISTINCT s."ImageId", NEW."ObjectTypeId", 1 FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
    WHERE d."Id" = NEW."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL AND NEW."ObjectTypeId" IS NOT NULL
    ON CONFLICT ("ObjectTypeId", "ImageId") DO UPDATE SET "RegionCount" = "RegionCount" + 1;
END;

-- A region goes: −1 for every image its annotation shows (its layer still exists: see the layer trigger).
CREATE TRIGGER "TR_Regions_Contents_Delete" AFTER DELETE ON "Regions"
BEGIN
    UPDATE "Images" SET "RegionCount" = "RegionCount" - 1 WHERE "Id" IN (
        SELECT s."ImageId" FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
        WHERE d."Id" = OLD."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL);
    UPDATE "ImageObjects" SET "RegionCount" = "RegionCount" - 1
    WHERE "ObjectTypeId" = OLD."ObjectTypeId" AND "ImageId" IN (
        SELECT s."ImageId" FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
        WHERE d."Id" = OLD."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL);
    DELETE FROM "ImageObjects" WHERE "ObjectTypeId" = OLD."ObjectTypeId" AND "RegionCount" <= 0 AND "ImageId" IN (
        SELECT s."ImageId" FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
        WHERE d."Id" = OLD."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL);
END;

-- A region changes layer or object type: as if it went and came back.
CREATE TRIGGER "TR_Regions_Contents_Update" AFTER UPDATE OF "LayerId", "ObjectTypeId" ON "Regions"
WHEN OLD."LayerId" IS NOT NEW."LayerId" OR OLD."ObjectTypeId" IS NOT NEW."ObjectTypeId"
BEGIN
    UPDATE "Images" SET "RegionCount" = "RegionCount" - 1 WHERE "Id" IN (
        SELECT s."ImageId" FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
        WHERE d."Id" = OLD."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL);
    UPDATE "ImageObjects" SET "RegionCount" = "RegionCount" - 1
    WHERE "ObjectTypeId" = OLD."ObjectTypeId" AND "ImageId" IN (
        SELECT s."ImageId" FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
        WHERE d."Id" = OLD."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL);
    DELETE FROM "ImageObjects" WHERE "ObjectTypeId" = OLD."ObjectTypeId" AND "RegionCount" <= 0 AND "ImageId" IN (
        SELECT s."ImageId" FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
        WHERE d."Id" = OLD."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL);
    UPDATE "Images" SET "RegionCount" = "RegionCount" + 1 WHERE "Id" IN (
        SELECT s."ImageId" FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
        WHERE d."Id" = NEW."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL);
    INSERT INTO "ImageObjects" ("ImageId", "ObjectTypeId", "RegionCount")
    SELECT DISTINCT s."ImageId", NEW."ObjectTypeId", 1 FROM "Layers" d JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
    WHERE d."Id" = NEW."LayerId" AND d."Kind" = 'Drawing' AND s."ImageId" IS NOT NULL AND NEW."ObjectTypeId" IS NOT NULL
    ON CONFLICT ("ObjectTypeId", "ImageId") DO UPDATE SET "RegionCount" = "RegionCount" + 1;
END;

-- A layer starts showing an image: the image gains the annotation's regions, unless another layer of the same
-- annotation showed it already.
CREATE TRIGGER "TR_Layers_Contents_Insert" AFTER INSERT ON "Layers" WHEN NEW."ImageId" IS NOT NULL
BEGIN
    UPDATE "Images" SET "RegionCount" = "RegionCount" + (
        SELECT COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
        WHERE d."AnnotationId" = NEW."AnnotationId" AND d."Kind" = 'Drawing')
    WHERE "Id" = NEW."ImageId" AND NOT EXISTS (SELECT 1 FROM "Layers" o
        WHERE o."AnnotationId" = NEW."AnnotationId" AND o."ImageId" = NEW."ImageId" AND o."Id" <> NEW."Id");
    INSERT INTO "ImageObjects" ("ImageId", "ObjectTypeId", "RegionCount")
    SELECT NEW."ImageId", r."ObjectTypeId", COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
    WHERE d."AnnotationId" = NEW."AnnotationId" AND d."Kind" = 'Drawing' AND r."ObjectTypeId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Layers" o
          WHERE o."AnnotationId" = NEW."AnnotationId" AND o."ImageId" = NEW."ImageId" AND o."Id" <> NEW."Id")
    GROUP BY r."ObjectTypeId"
    ON CONFLICT ("ObjectTypeId", "ImageId") DO UPDATE SET "RegionCount" = "RegionCount" + excluded."RegionCount";
END;

-- A layer shows another image or moves to another annotation: the old image loses, the new one gains.
CREATE TRIGGER "TR_Layers_Contents_Update" AFTER UPDATE OF "ImageId", "AnnotationId" ON "Layers"
WHEN OLD."ImageId" IS NOT NEW."ImageId" OR OLD."AnnotationId" IS NOT NEW."AnnotationId"
BEGIN
    UPDATE "Images" SET "RegionCount" = "RegionCount" - (
        SELECT COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
        WHERE d."AnnotationId" = OLD."AnnotationId" AND d."Kind" = 'Drawing')
    WHERE "Id" = OLD."ImageId" AND NOT EXISTS (SELECT 1 FROM "Layers" o
        WHERE o."AnnotationId" = OLD."AnnotationId" AND o."ImageId" = OLD."ImageId" AND o."Id" <> OLD."Id");
    UPDATE "ImageObjects" SET "RegionCount" = "RegionCount" - (
        SELECT COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
        WHERE d."AnnotationId" = OLD."AnnotationId" AND d."Kind" = 'Drawing' AND r."ObjectTypeId" = "ImageObjects"."ObjectTypeId")
    WHERE "ImageId" = OLD."ImageId" AND NOT EXISTS (SELECT 1 FROM "Layers" o
        WHERE o."AnnotationId" = OLD."AnnotationId" AND o."ImageId" = OLD."ImageId" AND o."Id" <> OLD."Id");
    DELETE FROM "ImageObjects" WHERE "ImageId" = OLD."ImageId" AND "RegionCount" <= 0;
    UPDATE "Images" SET "RegionCount" = "RegionCount" + (
        SELECT COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
        WHERE d."AnnotationId" = NEW."AnnotationId" AND d."Kind" = 'Drawing')
    WHERE "Id" = NEW."ImageId" AND NOT EXISTS (SELECT 1 FROM "Layers" o
        WHERE o."AnnotationId" = NEW."AnnotationId" AND o."ImageId" = NEW."ImageId" AND o."Id" <> NEW."Id");
    INSERT INTO "ImageObjects" ("ImageId", "ObjectTypeId", "RegionCount")
    SELECT NEW."ImageId", r."ObjectTypeId", COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
    WHERE NEW."ImageId" IS NOT NULL AND d."AnnotationId" = NEW."AnnotationId" AND d."Kind" = 'Drawing' AND r."ObjectTypeId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Layers" o
          WHERE o."AnnotationId" = NEW."AnnotationId" AND o."ImageId" = NEW."ImageId" AND o."Id" <> NEW."Id")
    GROUP BY r."ObjectTypeId"
    ON CONFLICT ("ObjectTypeId", "ImageId") DO UPDATE SET "RegionCount" = "RegionCount" + excluded."RegionCount";
END;

-- A layer goes: a drawing layer's regions first (through the region trigger, while the image layers exist), then an
-- image layer takes the annotation's regions away from its image unless another layer still shows it.
CREATE TRIGGER "TR_Layers_Contents_Delete" BEFORE DELETE ON "Layers"
BEGIN
    DELETE FROM "Regions" WHERE "LayerId" = OLD."Id";
    UPDATE "Images" SET "RegionCount" = "RegionCount" - (
        SELECT COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
        WHERE d."AnnotationId" = OLD."AnnotationId" AND d."Kind" = 'Drawing')
    WHERE "Id" = OLD."ImageId" AND NOT EXISTS (SELECT 1 FROM "Layers" o
        WHERE o."AnnotationId" = OLD."AnnotationId" AND o."ImageId" = OLD."ImageId" AND o."Id" <> OLD."Id");
    UPDATE "ImageObjects" SET "RegionCount" = "RegionCount" - (
        SELECT COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
        WHERE d."AnnotationId" = OLD."AnnotationId" AND d."Kind" = 'Drawing' AND r."ObjectTypeId" = "ImageObjects"."ObjectTypeId")
    WHERE "ImageId" = OLD."ImageId" AND NOT EXISTS (SELECT 1 FROM "Layers" o
        WHERE o."AnnotationId" = OLD."AnnotationId" AND o."ImageId" = OLD."ImageId" AND o."Id" <> OLD."Id");
    DELETE FROM "ImageObjects" WHERE "ImageId" = OLD."ImageId" AND "RegionCount" <= 0;
END;

-- An annotation goes: its drawing layers first (and so their regions), while its image layers still exist.
CREATE TRIGGER "TR_Annotations_Contents_Delete" BEFORE DELETE ON "Annotations"
BEGIN
    DELETE FROM "Layers" WHERE "AnnotationId" = OLD."Id" AND "Kind" = 'Drawing';
END;
