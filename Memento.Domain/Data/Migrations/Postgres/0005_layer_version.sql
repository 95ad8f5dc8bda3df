-- Issue 14: safe concurrent drawing. A layer's version advances on every change of the layer or its regions;
-- saveRegions with an expectedVersion is refused when the layer moved on, and the message names who changed it
-- and when. Existing layers start at version 0 with no recorded change.
ALTER TABLE "Layers" ADD "Version" integer NOT NULL DEFAULT 0;

ALTER TABLE "Layers" ADD "ChangedById" bigint;

ALTER TABLE "Layers" ADD "ChangedAt" timestamp with time zone;

ALTER TABLE "Layers" ADD CONSTRAINT "FK_Layers_Users_ChangedById" FOREIGN KEY ("ChangedById") REFERENCES "Users" ("Id") ON DELETE SET NULL;

CREATE INDEX "IX_Layers_ChangedById" ON "Layers" ("ChangedById");
