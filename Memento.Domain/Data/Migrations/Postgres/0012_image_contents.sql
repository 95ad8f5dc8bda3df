-- Issue 15: what lies over each image, kept by the database itself so that no write path (region saves, uploads,
-- copies, layer and annotation deletions, cascades) can forget it. An image's regions are those of the drawing layers
-- of every annotation that has a layer showing the image, each once. Images.RegionCount counts them; ImageObjects
-- counts them per object type. The dataset search orders by the first and probes the second.
--
-- Deletions are the delicate part: a cascade may delete an annotation's image layers before its regions, after which
-- nobody knows which images those regions lay over. So deleting an annotation first deletes its drawing layers, and
-- deleting a drawing layer first deletes its regions (through the region trigger) while the image layers still
-- exist — whatever order the cascade would have chosen. Same rules as the SQLite migration, statement for statement.
ALTER TABLE "Images" ADD "RegionCount" integer NOT NULL DEFAULT 0;

CREATE TABLE "ImageObjects" (
    "ImageId" bigint NOT NULL,
    "ObjectTypeId" character varying(100) NOT NULL,
    "RegionCount" integer NOT NULL,
    CONSTRAINT "PK_ImageObjects" PRIMARY KEY ("ObjectTypeId", "ImageId"),
    CONSTRAINT "FK_ImageObjects_Images_ImageId" FOREIGN KEY ("ImageId") REFERENCES "Images" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ImageObjects_ObjectTypes_ObjectTypeId" FOREIGN KEY ("ObjectTypeId") REFERENCES "ObjectTypes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ImageObjects_ImageId" ON "ImageObjects" ("ImageId");

CREATE INDEX "IX_Images_RegionCount_Id" ON "Images" ("RegionCount", "Id");

CREATE INDEX "IX_Images_Title_Id" ON "Images" ("Title" COLLATE "C", "Id");

-- What exists already.
UPDATE "Images" i SET "RegionCount" = c.n FROM (
    SELECT s."ImageId", COUNT(DISTINCT r."Id") AS n FROM "Layers" s
    JOIN "Layers" d ON d."AnnotationId" = s."AnnotationId" AND d."Kind" = 'Drawing'
    JOIN "Regions" r ON r."LayerId" = d."Id"
    WHERE s."ImageId" IS NOT NULL GROUP BY s."ImageId") c
WHERE i."Id" = c."ImageId";

INSERT INTO "ImageObjects" ("ImageId", "ObjectTypeId", "RegionCount")
SELECT s."ImageId", r."ObjectTypeId", COUNT(DISTINCT r."Id") FROM "Layers" s
JOIN "Layers" d ON d."AnnotationId" = s."AnnotationId" AND d."Kind" = 'Drawing'
JOIN "Regions" r ON r."LayerId" = d."Id"
WHERE s."ImageId" IS NOT NULL AND r."ObjectTypeId" IS NOT NULL
GROUP BY s."ImageId", r."ObjectTypeId";

-- Image p_image starts (p_sign = 1) or stops (p_sign = -1) showing annotation p_annotation's regions through layer
-- p_layer; nothing changes when another layer of the annotation shows the image too.
CREATE FUNCTION memento_image_contents(p_layer bigint, p_annotation bigint, p_image bigint, p_sign integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_image IS NULL OR EXISTS (SELECT 1 FROM "Layers" o
        WHERE o."AnnotationId" = p_annotation AND o."ImageId" = p_image AND o."Id" <> p_layer) THEN RETURN; END IF;
    UPDATE "Images" SET "RegionCount" = "RegionCount" + p_sign * (
        SELECT COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
        WHERE d."AnnotationId" = p_annotation AND d."Kind" = 'Drawing')
    WHERE "Id" = p_image;
    IF p_sign > 0 THEN
        INSERT INTO "ImageObjects" ("ImageId", "ObjectTypeId", "RegionCount")
        SELECT p_image, r."ObjectTypeId", COUNT(*) FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
        WHERE d."AnnotationId" = p_annotation AND d."Kind" = 'Drawing' AND r."ObjectTypeId" IS NOT NULL
        GROUP BY r."ObjectTypeId"
        ON CONFLICT ("ObjectTypeId", "ImageId") DO UPDATE SET "RegionCount" = "ImageObjects"."RegionCount" + excluded."RegionCount";
        RETURN;
    END IF;
    -- Taking away only updates, and only an image that still exists: during a project's cascade the image may be gone
    -- already (its ImageObjects rows go with it), and touching such a row would fail its foreign key.
    IF NOT EXISTS (SELECT 1 FROM "Images" WHERE "Id" = p_image) THEN RETURN; END IF;
    UPDATE "ImageObjects" o SET "RegionCount" = o."RegionCount" - c.n FROM (
        SELECT r."ObjectTypeId", COUNT(*) AS n FROM "Regions" r JOIN "Layers" d ON d."Id" = r."LayerId"
        WHERE d."AnnotationId" = p_annotation AND d."Kind" = 'Drawing' AND r."ObjectTypeId" IS NOT NULL
        GROUP BY r."ObjectTypeId") c
    WHERE o."ImageId" = p_image AND o."ObjectTypeId" = c."ObjectTypeId";
    DELETE FROM "ImageObjects" WHERE "ImageId" = p_image AND "RegionCount" <= 0;
END $$;

-- Statement-level, over the transition tables: a save of 100,000 regions updates each image's rows once per
-- statement, not once per region (repeated updates of one row in one transaction grow quadratically on PostgreSQL).
CREATE FUNCTION memento_regions_delta(p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Images" i SET "RegionCount" = i."RegionCount" + p_sign * c.n FROM (
        SELECT s."ImageId", COUNT(DISTINCT r."Id") AS n FROM memento_changed r
        JOIN "Layers" d ON d."Id" = r."LayerId" AND d."Kind" = 'Drawing'
        JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId" AND s."ImageId" IS NOT NULL
        GROUP BY s."ImageId") c
    WHERE i."Id" = c."ImageId";
    IF p_sign > 0 THEN
        INSERT INTO "ImageObjects" ("ImageId", "ObjectTypeId", "RegionCount")
        SELECT s."ImageId", r."ObjectTypeId", COUNT(DISTINCT r."Id") FROM memento_changed r
        JOIN "Layers" d ON d."Id" = r."LayerId" AND d."Kind" = 'Drawing'
        JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId" AND s."ImageId" IS NOT NULL
        WHERE r."ObjectTypeId" IS NOT NULL
        GROUP BY s."ImageId", r."ObjectTypeId"
        ON CONFLICT ("ObjectTypeId", "ImageId") DO UPDATE SET "RegionCount" = "ImageObjects"."RegionCount" + excluded."RegionCount";
        RETURN;
    END IF;
    -- Taking away only updates rows of images that still exist (a project's cascade deletes images first).
    UPDATE "ImageObjects" o SET "RegionCount" = o."RegionCount" - c.n FROM (
        SELECT s."ImageId", r."ObjectTypeId", COUNT(DISTINCT r."Id") AS n FROM memento_changed r
        JOIN "Layers" d ON d."Id" = r."LayerId" AND d."Kind" = 'Drawing'
        JOIN "Layers" s ON s."AnnotationId" = d."AnnotationId"
        JOIN "Images" im ON im."Id" = s."ImageId"
        WHERE r."ObjectTypeId" IS NOT NULL
        GROUP BY s."ImageId", r."ObjectTypeId") c
    WHERE o."ImageId" = c."ImageId" AND o."ObjectTypeId" = c."ObjectTypeId";
    DELETE FROM "ImageObjects" o USING memento_changed r
    WHERE o."ObjectTypeId" = r."ObjectTypeId" AND o."RegionCount" <= 0;
END $$;

CREATE FUNCTION memento_regions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS memento_changed ("Id" bigint, "LayerId" bigint, "ObjectTypeId" character varying) ON COMMIT DROP;
    DELETE FROM memento_changed;
    INSERT INTO memento_changed SELECT "Id", "LayerId", "ObjectTypeId" FROM new_rows;
    PERFORM memento_regions_delta(1);
    RETURN NULL;
END $$;

CREATE FUNCTION memento_regions_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS memento_changed ("Id" bigint, "LayerId" bigint, "ObjectTypeId" character varying) ON COMMIT DROP;
    DELETE FROM memento_changed;
    INSERT INTO memento_changed SELECT "Id", "LayerId", "ObjectTypeId" FROM old_rows;
    PERFORM memento_regions_delta(-1);
    RETURN NULL;
END $$;

CREATE FUNCTION memento_regions_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS memento_changed ("Id" bigint, "LayerId" bigint, "ObjectTypeId" character varying) ON COMMIT DROP;
    DELETE FROM memento_changed;
    INSERT INTO memento_changed SELECT o."Id", o."LayerId", o."ObjectTypeId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id"
        WHERE o."LayerId" IS DISTINCT FROM n."LayerId" OR o."ObjectTypeId" IS DISTINCT FROM n."ObjectTypeId";
    PERFORM memento_regions_delta(-1);
    DELETE FROM memento_changed;
    INSERT INTO memento_changed SELECT n."Id", n."LayerId", n."ObjectTypeId" FROM old_rows o JOIN new_rows n ON n."Id" = o."Id"
        WHERE o."LayerId" IS DISTINCT FROM n."LayerId" OR o."ObjectTypeId" IS DISTINCT FROM n."ObjectTypeId";
    PERFORM memento_regions_delta(1);
    RETURN NULL;
END $$;

CREATE TRIGGER "TR_Regions_Contents_Insert" AFTER INSERT ON "Regions"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION memento_regions_inserted();
CREATE TRIGGER "TR_Regions_Contents_Delete" AFTER DELETE ON "Regions"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION memento_regions_deleted();
CREATE TRIGGER "TR_Regions_Contents_Update" AFTER UPDATE ON "Regions"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION memento_regions_updated();

CREATE FUNCTION memento_layers_contents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- A drawing layer's regions go first, through the region trigger, while the image layers still exist.
        DELETE FROM "Regions" WHERE "LayerId" = OLD."Id";
        PERFORM memento_image_contents(OLD."Id", OLD."AnnotationId", OLD."ImageId", -1);
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' THEN PERFORM memento_image_contents(OLD."Id", OLD."AnnotationId", OLD."ImageId", -1); END IF;
    PERFORM memento_image_contents(NEW."Id", NEW."AnnotationId", NEW."ImageId", 1);
    RETURN NULL;
END $$;

CREATE TRIGGER "TR_Layers_Contents_Insert" AFTER INSERT ON "Layers"
FOR EACH ROW WHEN (NEW."ImageId" IS NOT NULL) EXECUTE FUNCTION memento_layers_contents();
CREATE TRIGGER "TR_Layers_Contents_Update" AFTER UPDATE OF "ImageId", "AnnotationId" ON "Layers"
FOR EACH ROW WHEN (OLD."ImageId" IS DISTINCT FROM NEW."ImageId" OR OLD."AnnotationId" IS DISTINCT FROM NEW."AnnotationId")
EXECUTE FUNCTION memento_layers_contents();
CREATE TRIGGER "TR_Layers_Contents_Delete" BEFORE DELETE ON "Layers"
FOR EACH ROW EXECUTE FUNCTION memento_layers_contents();

-- An annotation goes: its drawing layers first (and so their regions), while its image layers still exist.
CREATE FUNCTION memento_annotations_contents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "Layers" WHERE "AnnotationId" = OLD."Id" AND "Kind" = 'Drawing';
    RETURN OLD;
END $$;

CREATE TRIGGER "TR_Annotations_Contents_Delete" BEFORE DELETE ON "Annotations"
FOR EACH ROW EXECUTE FUNCTION memento_annotations_contents();
