-- CreateIndex
CREATE INDEX "Complaint_unitId_receivedAt_idx" ON "Complaint"("unitId", "receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_clientId_idx" ON "Complaint"("clientId");

-- CreateIndex
CREATE INDEX "Complaint_contactPhone_idx" ON "Complaint"("contactPhone");

-- CreateIndex
CREATE INDEX "RepairOrder_unitId_idx" ON "RepairOrder"("unitId");

-- CreateIndex
CREATE INDEX "Unit_number_idx" ON "Unit"("number");
