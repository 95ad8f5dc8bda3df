-- Issue 12: classifyAnnotation replaces only the caller's own choices, so two annotators may each pick the same
-- classification on one annotation. The unique index now includes who chose it. Existing rows were unique per
-- (annotation, classification), so they satisfy the new index. A deleted chooser (NULL) does not collide.
DROP INDEX "IX_ClassificationChoices_AnnotationId_ClassificationId";

CREATE UNIQUE INDEX "IX_ClassificationChoices_AnnotationId_ClassificationId_ChosenById" ON "ClassificationChoices" ("AnnotationId", "ClassificationId", "ChosenById");
