-- Issue 14: safe concurrent drawing. A layer's version advances on every change of the layer or its regions;
-- saveRegions with an expectedVersion is refused when the layer moved on, and the message names who changed it
-- and when. Existing layers start at version 0 with no recorded change.
ALTER TABLE "Layers" ADD "Version" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Layers" ADD "ChangedById" INTEGER NULL CONSTRAINT "FK_Layers_Users_ChangedById" REFERENCES "Users" ("Id") ON DELETE SET NULL;

ALTER TABLE "Layers" ADD "ChangedAt" INTEGER NULL;

CREATE INDEX "IX_Layers_ChangedById" ON "Layers" ("ChangedById");
