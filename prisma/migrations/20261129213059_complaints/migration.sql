-- CreateEnum
CREATE TYPE "ComplaintChannel" AS ENUM ('phone', 'visit', 'letter', 'online', 'other');

-- CreateEnum
CREATE TYPE "ComplaintSeverity" AS ENUM ('normal', 'major');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('received', 'in_progress', 'resolved', 'called_back', 'closed');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied');

-- CreateEnum
CREATE TYPE "ClockMode" AS ENUM ('calendar', 'working');

-- CreateEnum
CREATE TYPE "RepairStatus" AS ENUM ('registered', 'pending_approval', 'approved', 'rejected', 'done', 'called_back');

-- CreateTable
CREATE TABLE "ComplaintCategory" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "clockMode" "ClockMode" NOT NULL DEFAULT 'calendar',
    "workdayStartMinute" INTEGER NOT NULL DEFAULT 540,
    "workdayEndMinute" INTEGER NOT NULL DEFAULT 1080,
    "replyDays" INTEGER NOT NULL DEFAULT 2,
    "progressHours" INTEGER NOT NULL DEFAULT 4,
    "callbackDays" INTEGER NOT NULL DEFAULT 3,
    "engineeringLimit" DECIMAL(12,2) NOT NULL DEFAULT 5000,
    "engineeringApproverId" UUID,
    "generalApproverId" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ServiceSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceCounter" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ServiceCounter_pkey" PRIMARY KEY ("prefix","year")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" UUID NOT NULL,
    "complaintNo" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "channel" "ComplaintChannel" NOT NULL,
    "categoryId" UUID NOT NULL,
    "severity" "ComplaintSeverity" NOT NULL DEFAULT 'normal',
    "status" "ComplaintStatus" NOT NULL DEFAULT 'received',
    "clientId" UUID,
    "unitId" UUID,
    "complainantName" TEXT NOT NULL,
    "contactPhone" TEXT,
    "content" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedById" UUID NOT NULL,
    "assigneeId" UUID,
    "assigneeDeptId" UUID,
    "assignedAt" TIMESTAMPTZ(3),
    "promisedReplyAt" TIMESTAMPTZ(3) NOT NULL,
    "repliedAt" TIMESTAMPTZ(3),
    "lastProgressAt" TIMESTAMPTZ(3) NOT NULL,
    "progressDueAt" TIMESTAMPTZ(3),
    "progressLapses" INTEGER NOT NULL DEFAULT 0,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "resolution" TEXT,
    "callbackDueAt" TIMESTAMPTZ(3),
    "calledBackAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "escalatedAt" TIMESTAMPTZ(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairOrder" (
    "id" UUID NOT NULL,
    "orderNo" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "complaintId" UUID,
    "unitId" UUID,
    "location" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "isWarranty" BOOLEAN NOT NULL,
    "responsibleDept" TEXT NOT NULL,
    "isPaid" BOOLEAN NOT NULL DEFAULT false,
    "plan" TEXT,
    "cost" DECIMAL(12,2),
    "status" "RepairStatus" NOT NULL DEFAULT 'registered',
    "needsGeneral" BOOLEAN NOT NULL DEFAULT false,
    "engApprovedById" UUID,
    "engApprovedAt" TIMESTAMPTZ(3),
    "genApprovedById" UUID,
    "genApprovedAt" TIMESTAMPTZ(3),
    "rejectedById" UUID,
    "rejectedAt" TIMESTAMPTZ(3),
    "rejectReason" TEXT,
    "doneAt" TIMESTAMPTZ(3),
    "callbackDueAt" TIMESTAMPTZ(3),
    "calledBackAt" TIMESTAMPTZ(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RepairOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceEvent" (
    "id" UUID NOT NULL,
    "complaintId" UUID,
    "repairId" UUID,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "note" TEXT NOT NULL,
    "data" JSONB,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceCallback" (
    "id" UUID NOT NULL,
    "complaintId" UUID,
    "repairId" UUID,
    "calledById" UUID NOT NULL,
    "calledByName" TEXT NOT NULL,
    "calledAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "satisfaction" "Satisfaction" NOT NULL,
    "remarks" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceCallback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintCategory_code_key" ON "ComplaintCategory"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintCategory_name_key" ON "ComplaintCategory"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_complaintNo_key" ON "Complaint"("complaintNo");

-- CreateIndex
CREATE INDEX "Complaint_status_receivedAt_idx" ON "Complaint"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_receivedById_status_idx" ON "Complaint"("receivedById", "status");

-- CreateIndex
CREATE INDEX "Complaint_assigneeId_status_idx" ON "Complaint"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Complaint_severity_status_idx" ON "Complaint"("severity", "status");

-- CreateIndex
CREATE INDEX "Complaint_progressDueAt_idx" ON "Complaint"("progressDueAt");

-- CreateIndex
CREATE INDEX "Complaint_promisedReplyAt_idx" ON "Complaint"("promisedReplyAt");

-- CreateIndex
CREATE INDEX "Complaint_callbackDueAt_idx" ON "Complaint"("callbackDueAt");

-- CreateIndex
CREATE INDEX "Complaint_categoryId_idx" ON "Complaint"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_year_seq_key" ON "Complaint"("year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "RepairOrder_orderNo_key" ON "RepairOrder"("orderNo");

-- CreateIndex
CREATE INDEX "RepairOrder_status_createdAt_idx" ON "RepairOrder"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RepairOrder_complaintId_idx" ON "RepairOrder"("complaintId");

-- CreateIndex
CREATE UNIQUE INDEX "RepairOrder_year_seq_key" ON "RepairOrder"("year", "seq");

-- CreateIndex
CREATE INDEX "ServiceEvent_complaintId_at_idx" ON "ServiceEvent"("complaintId", "at");

-- CreateIndex
CREATE INDEX "ServiceEvent_repairId_at_idx" ON "ServiceEvent"("repairId", "at");

-- CreateIndex
CREATE INDEX "ServiceEvent_kind_at_idx" ON "ServiceEvent"("kind", "at");

-- CreateIndex
CREATE INDEX "ServiceCallback_complaintId_idx" ON "ServiceCallback"("complaintId");

-- CreateIndex
CREATE INDEX "ServiceCallback_repairId_idx" ON "ServiceCallback"("repairId");

-- CreateIndex
CREATE INDEX "ServiceCallback_calledAt_idx" ON "ServiceCallback"("calledAt");

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ComplaintCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairOrder" ADD CONSTRAINT "RepairOrder_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceEvent" ADD CONSTRAINT "ServiceEvent_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceEvent" ADD CONSTRAINT "ServiceEvent_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "RepairOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCallback" ADD CONSTRAINT "ServiceCallback_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCallback" ADD CONSTRAINT "ServiceCallback_repairId_fkey" FOREIGN KEY ("repairId") REFERENCES "RepairOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;
