-- CreateEnum
CREATE TYPE "BorrowType" AS ENUM ('reading', 'copy', 'takeaway');

-- CreateEnum
CREATE TYPE "BorrowStatus" AS ENUM ('requested', 'pending_second', 'approved', 'rejected', 'lent', 'renewed', 'returned', 'withdrawn');

-- CreateEnum
CREATE TYPE "ReturnCheck" AS ENUM ('complete', 'incomplete');

-- CreateEnum
CREATE TYPE "RenewalStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "CertificateRecipient" AS ENUM ('owner', 'agent');

-- AlterTable
ALTER TABLE "ArchiveRecord" ADD COLUMN     "flagNote" TEXT,
ADD COLUMN     "flaggedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "DocumentCounter" (
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL,

    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("series","year")
);

-- CreateTable
CREATE TABLE "BorrowSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "defaultLoanDays" INTEGER NOT NULL DEFAULT 7,
    "maxLoanDays" INTEGER NOT NULL DEFAULT 30,
    "secretApproverRole" "Role" NOT NULL DEFAULT 'manager',
    "remindDaysBefore" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BorrowSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BorrowRequest" (
    "id" UUID NOT NULL,
    "requestNo" TEXT NOT NULL,
    "requesterId" UUID NOT NULL,
    "borrowType" "BorrowType" NOT NULL,
    "purpose" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "BorrowStatus" NOT NULL DEFAULT 'requested',
    "needsSecondApproval" BOOLEAN NOT NULL DEFAULT false,
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "approvalComment" TEXT,
    "secondApprovedById" UUID,
    "secondApprovedAt" TIMESTAMPTZ(3),
    "secondComment" TEXT,
    "rejectedById" UUID,
    "rejectedAt" TIMESTAMPTZ(3),
    "rejectComment" TEXT,
    "withdrawnAt" TIMESTAMPTZ(3),
    "lentById" UUID,
    "lentAt" TIMESTAMPTZ(3),
    "receivedAt" TIMESTAMPTZ(3),
    "returnedToId" UUID,
    "returnedAt" TIMESTAMPTZ(3),
    "voidedAt" TIMESTAMPTZ(3),
    "renewalCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BorrowRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BorrowItem" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "holdKey" UUID,
    "returnCheck" "ReturnCheck",
    "returnNote" TEXT,

    CONSTRAINT "BorrowItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BorrowRenewal" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "pendingKey" UUID,
    "previousDueOn" DATE NOT NULL,
    "newDueOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RenewalStatus" NOT NULL DEFAULT 'pending',
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "comment" TEXT,

    CONSTRAINT "BorrowRenewal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateHandout" (
    "id" UUID NOT NULL,
    "handoutNo" TEXT NOT NULL,
    "unitId" UUID NOT NULL,
    "certificateNo" TEXT NOT NULL,
    "ownerClientId" UUID NOT NULL,
    "recipientKind" "CertificateRecipient" NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientIdNumber" TEXT NOT NULL,
    "recipientPhone" TEXT,
    "powerOfAttorney" TEXT,
    "handedById" UUID NOT NULL,
    "handedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),
    "remarks" TEXT,
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "voidedById" UUID,
    "activeKey" TEXT,

    CONSTRAINT "CertificateHandout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BorrowRequest_requestNo_key" ON "BorrowRequest"("requestNo");

-- CreateIndex
CREATE INDEX "BorrowRequest_status_dueOn_idx" ON "BorrowRequest"("status", "dueOn");

-- CreateIndex
CREATE INDEX "BorrowRequest_requesterId_createdAt_idx" ON "BorrowRequest"("requesterId", "createdAt");

-- CreateIndex
CREATE INDEX "BorrowRequest_createdAt_idx" ON "BorrowRequest"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BorrowItem_holdKey_key" ON "BorrowItem"("holdKey");

-- CreateIndex
CREATE INDEX "BorrowItem_recordId_idx" ON "BorrowItem"("recordId");

-- CreateIndex
CREATE UNIQUE INDEX "BorrowItem_requestId_recordId_key" ON "BorrowItem"("requestId", "recordId");

-- CreateIndex
CREATE UNIQUE INDEX "BorrowRenewal_pendingKey_key" ON "BorrowRenewal"("pendingKey");

-- CreateIndex
CREATE INDEX "BorrowRenewal_status_idx" ON "BorrowRenewal"("status");

-- CreateIndex
CREATE INDEX "BorrowRenewal_requestId_idx" ON "BorrowRenewal"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateHandout_handoutNo_key" ON "CertificateHandout"("handoutNo");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateHandout_activeKey_key" ON "CertificateHandout"("activeKey");

-- CreateIndex
CREATE INDEX "CertificateHandout_unitId_idx" ON "CertificateHandout"("unitId");

-- CreateIndex
CREATE INDEX "CertificateHandout_handedAt_idx" ON "CertificateHandout"("handedAt");

-- AddForeignKey
ALTER TABLE "BorrowRequest" ADD CONSTRAINT "BorrowRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowRequest" ADD CONSTRAINT "BorrowRequest_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowRequest" ADD CONSTRAINT "BorrowRequest_secondApprovedById_fkey" FOREIGN KEY ("secondApprovedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowRequest" ADD CONSTRAINT "BorrowRequest_rejectedById_fkey" FOREIGN KEY ("rejectedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowRequest" ADD CONSTRAINT "BorrowRequest_lentById_fkey" FOREIGN KEY ("lentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowRequest" ADD CONSTRAINT "BorrowRequest_returnedToId_fkey" FOREIGN KEY ("returnedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowItem" ADD CONSTRAINT "BorrowItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BorrowRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowItem" ADD CONSTRAINT "BorrowItem_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ArchiveRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowRenewal" ADD CONSTRAINT "BorrowRenewal_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BorrowRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowRenewal" ADD CONSTRAINT "BorrowRenewal_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorrowRenewal" ADD CONSTRAINT "BorrowRenewal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateHandout" ADD CONSTRAINT "CertificateHandout_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateHandout" ADD CONSTRAINT "CertificateHandout_ownerClientId_fkey" FOREIGN KEY ("ownerClientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateHandout" ADD CONSTRAINT "CertificateHandout_handedById_fkey" FOREIGN KEY ("handedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateHandout" ADD CONSTRAINT "CertificateHandout_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the "key" columns hold exactly their row's own subject or nothing, so the unique
-- indexes on them mean what the schema's comments say.
ALTER TABLE "BorrowItem" ADD CONSTRAINT "BorrowItem_holdKey_is_record" CHECK ("holdKey" IS NULL OR "holdKey" = "recordId");
ALTER TABLE "BorrowRenewal" ADD CONSTRAINT "BorrowRenewal_pendingKey_is_request" CHECK ("pendingKey" IS NULL OR ("pendingKey" = "requestId" AND "status" = 'pending'));
ALTER TABLE "CertificateHandout" ADD CONSTRAINT "CertificateHandout_activeKey_is_certificate" CHECK (("activeKey" IS NULL) = ("voidedAt" IS NOT NULL) AND ("activeKey" IS NULL OR "activeKey" = "certificateNo"));
ALTER TABLE "BorrowSettings" ADD CONSTRAINT "BorrowSettings_one_row" CHECK ("id" = 1);
ALTER TABLE "BorrowSettings" ADD CONSTRAINT "BorrowSettings_periods" CHECK ("defaultLoanDays" >= 1 AND "maxLoanDays" >= "defaultLoanDays" AND "maxLoanDays" <= 365 AND "remindDaysBefore" >= 0);
