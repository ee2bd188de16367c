-- CreateEnum
CREATE TYPE "AppraisalAudience" AS ENUM ('operational', 'management');

-- CreateEnum
CREATE TYPE "AppraisalDimension" AS ENUM ('de', 'qin', 'neng', 'ji');

-- CreateEnum
CREATE TYPE "AppraisalKind" AS ENUM ('weekly_check', 'monthly_check', 'spot_check', 'monthly', 'year_end');

-- CreateEnum
CREATE TYPE "AppraisalStatus" AS ENUM ('draft', 'scored', 'confirmed', 'finalised');

-- CreateEnum
CREATE TYPE "AppraisalResponse" AS ENUM ('acknowledged', 'disputed');

-- CreateEnum
CREATE TYPE "AppraisalAdjustmentKind" AS ENUM ('penalty', 'commendation');

-- CreateTable
CREATE TABLE "AppraisalTemplate" (
    "id" UUID NOT NULL,
    "audience" "AppraisalAudience" NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "maxDe" DECIMAL(5,1) NOT NULL,
    "maxQin" DECIMAL(5,1) NOT NULL,
    "maxNeng" DECIMAL(5,1) NOT NULL,
    "maxJi" DECIMAL(5,1) NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppraisalTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppraisalTemplateItem" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "dimension" "AppraisalDimension" NOT NULL,
    "name" TEXT NOT NULL,
    "maxScore" DECIMAL(5,1) NOT NULL,
    "criteria" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AppraisalTemplateItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appraisal" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "kind" "AppraisalKind" NOT NULL,
    "periodStart" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "templateId" UUID NOT NULL,
    "status" "AppraisalStatus" NOT NULL DEFAULT 'draft',
    "scoreDe" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "scoreQin" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "scoreNeng" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "scoreJi" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "baseScore" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "penaltyPoints" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "commendationPoints" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "total" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "summary" TEXT,
    "slotKey" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "scoredById" UUID,
    "scoredAt" TIMESTAMPTZ(3),
    "response" "AppraisalResponse",
    "responseComment" TEXT,
    "respondedAt" TIMESTAMPTZ(3),
    "finalisedById" UUID,
    "finalisedAt" TIMESTAMPTZ(3),
    "correctsId" UUID,
    "correctionReason" TEXT,

    CONSTRAINT "Appraisal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppraisalScore" (
    "appraisalId" UUID NOT NULL,
    "templateItemId" UUID NOT NULL,
    "deduction" DECIMAL(5,1) NOT NULL,
    "reason" TEXT,

    CONSTRAINT "AppraisalScore_pkey" PRIMARY KEY ("appraisalId","templateItemId")
);

-- CreateTable
CREATE TABLE "AppraisalAdjustment" (
    "id" UUID NOT NULL,
    "appraisalId" UUID NOT NULL,
    "kind" "AppraisalAdjustmentKind" NOT NULL,
    "points" DECIMAL(5,1) NOT NULL,
    "reason" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AppraisalAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisciplinaryFine" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "rule" INTEGER NOT NULL,
    "ruleGroup" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "occurrence" INTEGER NOT NULL,
    "fineAmount" DECIMAL(10,2) NOT NULL,
    "compensation" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "suspensionDays" INTEGER NOT NULL DEFAULT 0,
    "dismissal" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisciplinaryFine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AppraisalTemplate_audience_version_key" ON "AppraisalTemplate"("audience", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AppraisalTemplateItem_templateId_name_key" ON "AppraisalTemplateItem"("templateId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Appraisal_slotKey_key" ON "Appraisal"("slotKey");

-- CreateIndex
CREATE UNIQUE INDEX "Appraisal_correctsId_key" ON "Appraisal"("correctsId");

-- CreateIndex
CREATE INDEX "Appraisal_employeeId_year_kind_idx" ON "Appraisal"("employeeId", "year", "kind");

-- CreateIndex
CREATE INDEX "Appraisal_year_kind_status_idx" ON "Appraisal"("year", "kind", "status");

-- CreateIndex
CREATE INDEX "Appraisal_status_idx" ON "Appraisal"("status");

-- CreateIndex
CREATE INDEX "DisciplinaryFine_year_occurredOn_idx" ON "DisciplinaryFine"("year", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "DisciplinaryFine_employeeId_year_ruleGroup_occurrence_key" ON "DisciplinaryFine"("employeeId", "year", "ruleGroup", "occurrence");

-- AddForeignKey
ALTER TABLE "AppraisalTemplateItem" ADD CONSTRAINT "AppraisalTemplateItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "AppraisalTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appraisal" ADD CONSTRAINT "Appraisal_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appraisal" ADD CONSTRAINT "Appraisal_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "AppraisalTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appraisal" ADD CONSTRAINT "Appraisal_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "Appraisal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalScore" ADD CONSTRAINT "AppraisalScore_appraisalId_fkey" FOREIGN KEY ("appraisalId") REFERENCES "Appraisal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalScore" ADD CONSTRAINT "AppraisalScore_templateItemId_fkey" FOREIGN KEY ("templateItemId") REFERENCES "AppraisalTemplateItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalAdjustment" ADD CONSTRAINT "AppraisalAdjustment_appraisalId_fkey" FOREIGN KEY ("appraisalId") REFERENCES "Appraisal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisciplinaryFine" ADD CONSTRAINT "DisciplinaryFine_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 绩效考核 records are kept (002 篇2 4.11: at least 2 years) and a finalised appraisal cannot
-- change (DOMAIN §4): the database refuses it, whatever the application does.
CREATE FUNCTION appraisal_refuse(msg text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', msg USING ERRCODE = 'restrict_violation';
END $$;

CREATE FUNCTION appraisal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM appraisal_refuse('appraisal records are kept: DELETE refused');
  END IF;
  IF OLD.status = 'finalised' THEN
    PERFORM appraisal_refuse('a finalised appraisal cannot change');
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION appraisal_child_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN parent := OLD."appraisalId"; ELSE parent := NEW."appraisalId"; END IF;
  IF EXISTS (SELECT 1 FROM "Appraisal" WHERE id = parent AND status = 'finalised') THEN
    PERFORM appraisal_refuse('a finalised appraisal cannot change');
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."appraisalId" <> NEW."appraisalId" THEN
    PERFORM appraisal_refuse('scores do not move between appraisals');
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION appraisal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM appraisal_refuse(TG_TABLE_NAME || ' rows are kept unchanged: ' || TG_OP || ' refused');
  RETURN NULL;
END $$;

CREATE TRIGGER appraisal_guard BEFORE UPDATE OR DELETE ON "Appraisal" FOR EACH ROW EXECUTE FUNCTION appraisal_guard();
CREATE TRIGGER appraisal_score_guard BEFORE INSERT OR UPDATE OR DELETE ON "AppraisalScore" FOR EACH ROW EXECUTE FUNCTION appraisal_child_guard();
CREATE TRIGGER appraisal_adjustment_guard BEFORE INSERT OR UPDATE OR DELETE ON "AppraisalAdjustment" FOR EACH ROW EXECUTE FUNCTION appraisal_child_guard();
CREATE TRIGGER appraisal_template_append_only BEFORE UPDATE OR DELETE ON "AppraisalTemplate" FOR EACH ROW EXECUTE FUNCTION appraisal_append_only();
CREATE TRIGGER appraisal_template_item_append_only BEFORE UPDATE OR DELETE ON "AppraisalTemplateItem" FOR EACH ROW EXECUTE FUNCTION appraisal_append_only();
CREATE TRIGGER disciplinary_fine_append_only BEFORE UPDATE OR DELETE ON "DisciplinaryFine" FOR EACH ROW EXECUTE FUNCTION appraisal_append_only();
