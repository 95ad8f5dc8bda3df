-- Issue 12: classifyAnnotation replaces only the caller's own choices, so two annotators may each pick the same
-- classification on one annotation. The unique index now includes who chose it. Existing rows were unique per
-- (annotation, classification), so they satisfy the new index. A deleted chooser (NULL) does not collide.
DROP INDEX "IX_ClassificationChoices_AnnotationId_ClassificationId";

-- PostgreSQL names are at most 63 bytes: EF Core truncates this one with "~", and so must we.
CREATE UNIQUE INDEX "IX_ClassificationChoices_AnnotationId_ClassificationId_ChosenB~" ON "ClassificationChoices" ("AnnotationId", "ClassificationId", "ChosenById");
