-- CreateEnum
CREATE TYPE "ArchiveStatus" AS ENUM ('in_store', 'lent', 'transferred', 'destroyed');

-- CreateEnum
CREATE TYPE "Confidentiality" AS ENUM ('public', 'internal', 'secret');

-- CreateEnum
CREATE TYPE "ChecklistCondition" AS ENUM ('individual', 'company', 'out_of_town', 'minor', 'co_owner', 'contract_changed');

-- CreateEnum
CREATE TYPE "HandoverStatus" AS ENUM ('checking', 'signed');

-- CreateEnum
CREATE TYPE "HandoverCheck" AS ENUM ('pending', 'received', 'missing', 'wrong');

-- CreateEnum
CREATE TYPE "WeedingKind" AS ENUM ('destroy', 'transfer');

-- CreateEnum
CREATE TYPE "WeedingStatus" AS ENUM ('draft', 'submitted', 'approved', 'rejected', 'done');

-- CreateTable
CREATE TABLE "ArchiveClass" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "retentionYears" INTEGER,
    "isClientFile" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArchiveClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistItem" (
    "id" UUID NOT NULL,
    "classId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "requiredCount" INTEGER NOT NULL DEFAULT 1,
    "condition" "ChecklistCondition",
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "isActive" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveCounter" (
    "classId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArchiveCounter_pkey" PRIMARY KEY ("classId","year")
);

-- CreateTable
CREATE TABLE "ArchiveRecord" (
    "id" UUID NOT NULL,
    "archiveNo" TEXT NOT NULL,
    "classId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "projectId" UUID,
    "buildingId" UUID,
    "unitId" UUID,
    "clientId" UUID,
    "parties" TEXT,
    "formedOn" DATE NOT NULL,
    "retentionYears" INTEGER,
    "expiresOn" DATE,
    "confidentiality" "Confidentiality" NOT NULL DEFAULT 'internal',
    "cabinet" TEXT,
    "shelf" TEXT,
    "box" TEXT,
    "status" "ArchiveStatus" NOT NULL DEFAULT 'in_store',
    "conditions" "ChecklistCondition"[],
    "remarks" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "searchGrams" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "handoverBatchId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ArchiveRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchivePaperItem" (
    "id" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "remark" TEXT,

    CONSTRAINT "ArchivePaperItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveAttachment" (
    "id" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" UUID,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgedAt" TIMESTAMPTZ(3),
    "purgedById" UUID,

    CONSTRAINT "ArchiveAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverBatch" (
    "id" UUID NOT NULL,
    "batchNo" TEXT NOT NULL,
    "fromDept" TEXT NOT NULL,
    "projectId" UUID,
    "classId" UUID NOT NULL,
    "status" "HandoverStatus" NOT NULL DEFAULT 'checking',
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedById" UUID,
    "signedAt" TIMESTAMPTZ(3),

    CONSTRAINT "HandoverBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverItem" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "unitId" UUID,
    "clientName" TEXT NOT NULL,
    "clientId" UUID,
    "documentName" TEXT NOT NULL,
    "expectedCount" INTEGER NOT NULL,
    "receivedCount" INTEGER,
    "check" "HandoverCheck" NOT NULL DEFAULT 'pending',
    "remark" TEXT,
    "checkedById" UUID,
    "checkedAt" TIMESTAMPTZ(3),

    CONSTRAINT "HandoverItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeedingList" (
    "id" UUID NOT NULL,
    "listNo" TEXT NOT NULL,
    "kind" "WeedingKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "WeedingStatus" NOT NULL DEFAULT 'draft',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionComment" TEXT,

    CONSTRAINT "WeedingList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeedingItem" (
    "listId" UUID NOT NULL,
    "recordId" UUID NOT NULL,

    CONSTRAINT "WeedingItem_pkey" PRIMARY KEY ("listId","recordId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveClass_code_key" ON "ArchiveClass"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveClass_name_key" ON "ArchiveClass"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistItem_classId_name_key" ON "ChecklistItem"("classId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveRecord_archiveNo_key" ON "ArchiveRecord"("archiveNo");

-- CreateIndex
CREATE INDEX "ArchiveRecord_status_idx" ON "ArchiveRecord"("status");

-- CreateIndex
CREATE INDEX "ArchiveRecord_unitId_idx" ON "ArchiveRecord"("unitId");

-- CreateIndex
CREATE INDEX "ArchiveRecord_clientId_idx" ON "ArchiveRecord"("clientId");

-- CreateIndex
CREATE INDEX "ArchiveRecord_projectId_buildingId_unitId_idx" ON "ArchiveRecord"("projectId", "buildingId", "unitId");

-- CreateIndex
CREATE INDEX "ArchiveRecord_expiresOn_idx" ON "ArchiveRecord"("expiresOn");

-- CreateIndex
CREATE INDEX "ArchiveRecord_searchGrams_idx" ON "ArchiveRecord" USING GIN ("searchGrams");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveRecord_classId_year_seq_key" ON "ArchiveRecord"("classId", "year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ArchivePaperItem_recordId_name_key" ON "ArchivePaperItem"("recordId", "name");

-- CreateIndex
CREATE INDEX "ArchiveAttachment_sha256_idx" ON "ArchiveAttachment"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveAttachment_recordId_sha256_key" ON "ArchiveAttachment"("recordId", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "HandoverBatch_batchNo_key" ON "HandoverBatch"("batchNo");

-- CreateIndex
CREATE UNIQUE INDEX "HandoverItem_batchId_lineNo_key" ON "HandoverItem"("batchId", "lineNo");

-- CreateIndex
CREATE UNIQUE INDEX "WeedingList_listNo_key" ON "WeedingList"("listNo");

-- CreateIndex
CREATE INDEX "Client_idNumber_idx" ON "Client"("idNumber");

-- CreateIndex
CREATE INDEX "Client_phone_idx" ON "Client"("phone");

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_classId_fkey" FOREIGN KEY ("classId") REFERENCES "ArchiveClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveCounter" ADD CONSTRAINT "ArchiveCounter_classId_fkey" FOREIGN KEY ("classId") REFERENCES "ArchiveClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveRecord" ADD CONSTRAINT "ArchiveRecord_classId_fkey" FOREIGN KEY ("classId") REFERENCES "ArchiveClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveRecord" ADD CONSTRAINT "ArchiveRecord_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveRecord" ADD CONSTRAINT "ArchiveRecord_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveRecord" ADD CONSTRAINT "ArchiveRecord_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveRecord" ADD CONSTRAINT "ArchiveRecord_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveRecord" ADD CONSTRAINT "ArchiveRecord_handoverBatchId_fkey" FOREIGN KEY ("handoverBatchId") REFERENCES "HandoverBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchivePaperItem" ADD CONSTRAINT "ArchivePaperItem_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ArchiveRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveAttachment" ADD CONSTRAINT "ArchiveAttachment_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ArchiveRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverBatch" ADD CONSTRAINT "HandoverBatch_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverItem" ADD CONSTRAINT "HandoverItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "HandoverBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverItem" ADD CONSTRAINT "HandoverItem_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeedingItem" ADD CONSTRAINT "WeedingItem_listId_fkey" FOREIGN KEY ("listId") REFERENCES "WeedingList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeedingItem" ADD CONSTRAINT "WeedingItem_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ArchiveRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
