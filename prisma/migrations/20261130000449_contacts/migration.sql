-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('phone', 'visit');

-- CreateEnum
CREATE TYPE "ContactPurpose" AS ENUM ('consult', 'complaint', 'repair', 'certificate', 'other');

-- CreateEnum
CREATE TYPE "ContactReportKind" AS ENUM ('daily', 'weekly', 'monthly');

-- CreateEnum
CREATE TYPE "ContactReportStatus" AS ENUM ('draft', 'signed', 'superseded');

-- CreateTable
CREATE TABLE "ContactLog" (
    "id" UUID NOT NULL,
    "contactNo" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "purpose" "ContactPurpose" NOT NULL,
    "clientId" UUID,
    "unitId" UUID,
    "callerName" TEXT NOT NULL,
    "callerPhone" TEXT,
    "content" TEXT NOT NULL,
    "answer" TEXT NOT NULL DEFAULT '',
    "followUpNeeded" BOOLEAN NOT NULL DEFAULT false,
    "followUpDoneAt" TIMESTAMPTZ(3),
    "followUpDoneById" UUID,
    "followUpNote" TEXT,
    "complaintId" UUID,
    "repairId" UUID,
    "recordedById" UUID NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),
    "voidedById" UUID,
    "voidReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactReport" (
    "id" UUID NOT NULL,
    "kind" "ContactReportKind" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "periodEnd" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "reportVersion" INTEGER NOT NULL DEFAULT 1,
    "status" "ContactReportStatus" NOT NULL DEFAULT 'draft',
    "liveKey" TEXT,
    "figures" JSONB NOT NULL,
    "generatedAt" TIMESTAMPTZ(3) NOT NULL,
    "generatedById" UUID NOT NULL,
    "generatedByName" TEXT NOT NULL,
    "remarks" TEXT,
    "signedAt" TIMESTAMPTZ(3),
    "signedById" UUID,
    "signedByName" TEXT,
    "supersededAt" TIMESTAMPTZ(3),
    "supersedeReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobClaim" (
    "name" TEXT NOT NULL,
    "claimedUntil" TIMESTAMPTZ(3) NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobClaim_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContactLog_contactNo_key" ON "ContactLog"("contactNo");

-- CreateIndex
CREATE UNIQUE INDEX "ContactLog_complaintId_key" ON "ContactLog"("complaintId");

-- CreateIndex
CREATE UNIQUE INDEX "ContactLog_repairId_key" ON "ContactLog"("repairId");

-- CreateIndex
CREATE INDEX "ContactLog_occurredAt_idx" ON "ContactLog"("occurredAt");

-- CreateIndex
CREATE INDEX "ContactLog_channel_occurredAt_idx" ON "ContactLog"("channel", "occurredAt");

-- CreateIndex
CREATE INDEX "ContactLog_purpose_occurredAt_idx" ON "ContactLog"("purpose", "occurredAt");

-- CreateIndex
CREATE INDEX "ContactLog_followUpNeeded_followUpDoneAt_idx" ON "ContactLog"("followUpNeeded", "followUpDoneAt");

-- CreateIndex
CREATE INDEX "ContactLog_recordedById_occurredAt_idx" ON "ContactLog"("recordedById", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContactReport_liveKey_key" ON "ContactReport"("liveKey");

-- CreateIndex
CREATE INDEX "ContactReport_kind_periodStart_idx" ON "ContactReport"("kind", "periodStart");

-- CreateIndex
CREATE INDEX "ContactReport_status_dueAt_idx" ON "ContactReport"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContactReport_kind_periodKey_reportVersion_key" ON "ContactReport"("kind", "periodKey", "reportVersion");
