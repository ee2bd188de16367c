-- CreateEnum
CREATE TYPE "LabelKind" AS ENUM ('box', 'folder');

-- CreateEnum
CREATE TYPE "StockTakeStatus" AS ENUM ('open', 'finished');

-- CreateEnum
CREATE TYPE "StockTakeOutcome" AS ENUM ('present', 'missing', 'misplaced', 'unknown', 'on_loan');

-- CreateTable
CREATE TABLE "StorageBox" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "cabinet" TEXT NOT NULL,
    "shelf" TEXT NOT NULL,
    "box" TEXT NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StorageBox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabelSheet" (
    "id" UUID NOT NULL,
    "sheetNo" TEXT NOT NULL,
    "kind" "LabelKind" NOT NULL,
    "targetIds" UUID[],
    "columns" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "marginMm" INTEGER NOT NULL,
    "gapMm" INTEGER NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabelSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockTake" (
    "id" UUID NOT NULL,
    "takeNo" TEXT NOT NULL,
    "cabinet" TEXT NOT NULL,
    "shelf" TEXT NOT NULL,
    "box" TEXT,
    "boxId" UUID,
    "status" "StockTakeStatus" NOT NULL DEFAULT 'open',
    "startedById" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedById" UUID,
    "finishedAt" TIMESTAMPTZ(3),
    "presentCount" INTEGER NOT NULL DEFAULT 0,
    "missingCount" INTEGER NOT NULL DEFAULT 0,
    "misplacedCount" INTEGER NOT NULL DEFAULT 0,
    "unknownCount" INTEGER NOT NULL DEFAULT 0,
    "onLoanCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StockTake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockTakeScan" (
    "id" UUID NOT NULL,
    "stockTakeId" UUID NOT NULL,
    "archiveNo" TEXT NOT NULL,
    "scannedById" UUID NOT NULL,
    "scannedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockTakeScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockTakeLine" (
    "id" UUID NOT NULL,
    "stockTakeId" UUID NOT NULL,
    "archiveNo" TEXT NOT NULL,
    "recordId" UUID,
    "outcome" "StockTakeOutcome" NOT NULL,
    "expectedLocation" TEXT,

    CONSTRAINT "StockTakeLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StorageBox_code_key" ON "StorageBox"("code");

-- CreateIndex
CREATE INDEX "StorageBox_cabinet_shelf_idx" ON "StorageBox"("cabinet", "shelf");

-- CreateIndex
CREATE UNIQUE INDEX "StorageBox_cabinet_shelf_box_key" ON "StorageBox"("cabinet", "shelf", "box");

-- CreateIndex
CREATE UNIQUE INDEX "LabelSheet_sheetNo_key" ON "LabelSheet"("sheetNo");

-- CreateIndex
CREATE INDEX "LabelSheet_createdAt_idx" ON "LabelSheet"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StockTake_takeNo_key" ON "StockTake"("takeNo");

-- CreateIndex
CREATE INDEX "StockTake_status_startedAt_idx" ON "StockTake"("status", "startedAt");

-- CreateIndex
CREATE INDEX "StockTake_cabinet_shelf_box_idx" ON "StockTake"("cabinet", "shelf", "box");

-- CreateIndex
CREATE UNIQUE INDEX "StockTakeScan_stockTakeId_archiveNo_key" ON "StockTakeScan"("stockTakeId", "archiveNo");

-- CreateIndex
CREATE INDEX "StockTakeLine_recordId_idx" ON "StockTakeLine"("recordId");

-- CreateIndex
CREATE UNIQUE INDEX "StockTakeLine_stockTakeId_archiveNo_key" ON "StockTakeLine"("stockTakeId", "archiveNo");

-- AddForeignKey
ALTER TABLE "StockTake" ADD CONSTRAINT "StockTake_boxId_fkey" FOREIGN KEY ("boxId") REFERENCES "StorageBox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockTakeScan" ADD CONSTRAINT "StockTakeScan_stockTakeId_fkey" FOREIGN KEY ("stockTakeId") REFERENCES "StockTake"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockTakeLine" ADD CONSTRAINT "StockTakeLine_stockTakeId_fkey" FOREIGN KEY ("stockTakeId") REFERENCES "StockTake"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every complete location records already sit in becomes a box (codes as locationOf joins them).
INSERT INTO "StorageBox" ("id", "code", "cabinet", "shelf", "box")
SELECT gen_random_uuid(), "cabinet" || '-' || "shelf" || '-' || "box", "cabinet", "shelf", "box"
FROM (SELECT DISTINCT "cabinet", "shelf", "box" FROM "ArchiveRecord"
      WHERE "cabinet" IS NOT NULL AND "shelf" IS NOT NULL AND "box" IS NOT NULL) AS l
ON CONFLICT DO NOTHING;
