-- AlterTable
ALTER TABLE "StockTakeScan" ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnById" UUID;
