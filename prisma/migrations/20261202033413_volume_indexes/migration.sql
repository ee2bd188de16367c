-- DropIndex
DROP INDEX "AuditLog_at_idx";

-- DropIndex
DROP INDEX "Complaint_categoryId_idx";

-- CreateIndex
CREATE INDEX "ArchiveRecord_createdAt_id_confidentiality_idx" ON "ArchiveRecord"("createdAt", "id", "confidentiality");

-- CreateIndex
CREATE INDEX "ArchiveRecord_formedOn_id_idx" ON "ArchiveRecord"("formedOn", "id");

-- CreateIndex
CREATE INDEX "AuditLog_at_id_idx" ON "AuditLog"("at", "id");

-- CreateIndex
CREATE INDEX "AuditLog_actorName_idx" ON "AuditLog"("actorName");

-- CreateIndex
CREATE INDEX "BorrowRequest_status_createdAt_idx" ON "BorrowRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "BorrowRequest_lentAt_idx" ON "BorrowRequest"("lentAt");

-- CreateIndex
CREATE INDEX "BorrowRequest_returnedAt_idx" ON "BorrowRequest"("returnedAt");

-- CreateIndex
CREATE INDEX "BorrowRequest_approvedById_idx" ON "BorrowRequest"("approvedById");

-- CreateIndex
CREATE INDEX "BorrowRequest_secondApprovedById_idx" ON "BorrowRequest"("secondApprovedById");

-- CreateIndex
CREATE INDEX "BorrowRequest_rejectedById_idx" ON "BorrowRequest"("rejectedById");

-- CreateIndex
CREATE INDEX "Complaint_receivedAt_idx" ON "Complaint"("receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_categoryId_receivedAt_idx" ON "Complaint"("categoryId", "receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_channel_receivedAt_idx" ON "Complaint"("channel", "receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_closedAt_idx" ON "Complaint"("closedAt");
