-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('holiday', 'workday');

-- AlterTable
ALTER TABLE "BorrowRequest" ADD COLUMN     "dueMovedFrom" DATE;

-- AlterTable
ALTER TABLE "BorrowSettings" ADD COLUMN     "countWorkingDays" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ServiceSettings" ADD COLUMN     "callbackWarnMinutes" INTEGER NOT NULL DEFAULT 720,
ADD COLUMN     "progressWarnMinutes" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "replyWarnMinutes" INTEGER NOT NULL DEFAULT 720;

-- CreateTable
CREATE TABLE "CalendarDay" (
    "day" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "CalendarVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "token" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationLadder" (
    "key" TEXT NOT NULL,
    "levels" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EscalationLadder_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "EscalationStep" (
    "id" UUID NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "anchorAt" TIMESTAMPTZ(3) NOT NULL,
    "level" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "toUserIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EscalationStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EscalationStep_entity_entityId_idx" ON "EscalationStep"("entity", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationStep_entity_entityId_anchorAt_level_key" ON "EscalationStep"("entity", "entityId", "anchorAt", "level");
