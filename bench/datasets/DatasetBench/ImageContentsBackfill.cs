namespace DatasetBench;

/// <summary>Migration 0012's fill of Images.RegionCount and ImageObjects from existing regions (PostgreSQL), run
/// after a bulk load that skipped the triggers.</summary>
internal static class ImageContentsBackfill
{
    public const string Postgres = """
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
        """;
}
