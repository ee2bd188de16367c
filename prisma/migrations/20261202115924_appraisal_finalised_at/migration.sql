-- CreateIndex
CREATE INDEX "Appraisal_finalisedAt_idx" ON "Appraisal"("finalisedAt");
