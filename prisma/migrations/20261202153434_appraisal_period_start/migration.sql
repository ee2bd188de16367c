-- CreateIndex
CREATE INDEX "Appraisal_periodStart_createdAt_idx" ON "Appraisal"("periodStart", "createdAt");
