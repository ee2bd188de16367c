-- CreateTable
CREATE TABLE "ClientFileState" (
    "recordId" UUID NOT NULL,
    "classId" UUID NOT NULL,
    "projectId" UUID,
    "buildingId" UUID,
    "unitId" UUID,
    "isSecret" BOOLEAN NOT NULL,
    "complete" BOOLEAN NOT NULL,
    "percent" INTEGER NOT NULL,
    "missing" TEXT[],
    "projectCode" TEXT,
    "buildingSort" INTEGER,
    "unitFloor" INTEGER,
    "unitNumber" TEXT,
    "archiveNo" TEXT NOT NULL,

    CONSTRAINT "ClientFileState_pkey" PRIMARY KEY ("recordId")
);

-- CreateTable
CREATE TABLE "ClientFileTally" (
    "projectId" UUID NOT NULL,
    "buildingId" UUID NOT NULL,
    "isSecret" BOOLEAN NOT NULL,
    "files" INTEGER NOT NULL DEFAULT 0,
    "complete" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClientFileTally_pkey" PRIMARY KEY ("projectId","buildingId","isSecret")
);

-- CreateTable
CREATE TABLE "ClientFileMissingTally" (
    "projectId" UUID NOT NULL,
    "isSecret" BOOLEAN NOT NULL,
    "name" TEXT NOT NULL,
    "files" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClientFileMissingTally_pkey" PRIMARY KEY ("projectId","isSecret","name")
);

-- CreateTable
CREATE TABLE "ArchiveMonthTally" (
    "month" TEXT NOT NULL,
    "classId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "isSecret" BOOLEAN NOT NULL,
    "records" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArchiveMonthTally_pkey" PRIMARY KEY ("month","classId","projectId","isSecret")
);

-- CreateIndex
CREATE INDEX "ClientFileState_projectCode_buildingSort_unitFloor_unitNumb_idx" ON "ClientFileState"("projectCode", "buildingSort", "unitFloor", "unitNumber", "archiveNo", "recordId");

-- CreateIndex
CREATE INDEX "ClientFileState_complete_projectCode_buildingSort_unitFloor_idx" ON "ClientFileState"("complete", "projectCode", "buildingSort", "unitFloor", "unitNumber", "archiveNo", "recordId");

-- CreateIndex
CREATE INDEX "ClientFileState_projectId_buildingSort_unitFloor_unitNumber_idx" ON "ClientFileState"("projectId", "buildingSort", "unitFloor", "unitNumber", "archiveNo", "recordId");

-- CreateIndex
CREATE INDEX "ClientFileState_projectId_complete_buildingSort_unitFloor_u_idx" ON "ClientFileState"("projectId", "complete", "buildingSort", "unitFloor", "unitNumber", "archiveNo", "recordId");

-- CreateIndex
CREATE INDEX "ClientFileState_buildingId_unitFloor_unitNumber_archiveNo_r_idx" ON "ClientFileState"("buildingId", "unitFloor", "unitNumber", "archiveNo", "recordId");

-- CreateIndex
CREATE INDEX "ClientFileState_buildingId_complete_unitFloor_unitNumber_ar_idx" ON "ClientFileState"("buildingId", "complete", "unitFloor", "unitNumber", "archiveNo", "recordId");

-- CreateIndex
CREATE INDEX "ClientFileState_unitId_idx" ON "ClientFileState"("unitId");

-- CreateIndex
CREATE INDEX "ClientFileState_classId_idx" ON "ClientFileState"("classId");

-- ───────────── 客户档案完整性 kept by triggers (see the models in schema.prisma) ─────────────
-- A file is complete when no active checklist item of its class that applies to it has fewer
-- paper items (lines summed by name, names compared trimmed as String.prototype.trim does) than
-- it requires: exactly checkCompleteness() of server/domain/archive/completeness.ts. Every writer
-- of a table the verdict reads fires a trigger below, in its own transaction.

-- The characters String.prototype.trim() removes (ECMAScript WhiteSpace and LineTerminator).
CREATE FUNCTION client_file_trim(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(s, E'\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff')
$$;

-- What the state of every client file would be now; callers filter it by record or class, and the
-- planner pushes that filter into the scan of ArchiveRecord.
CREATE VIEW client_file_computed AS
SELECT r."id" AS "recordId", r."classId", r."projectId", r."buildingId", r."unitId",
       r."confidentiality" = 'secret' AS "isSecret",
       COALESCE(s."present" = s."applicable", true) AS "complete",
       CASE WHEN COALESCE(s."applicable", 0) = 0 THEN 100 ELSE (100 * s."present") / s."applicable" END AS "percent",
       COALESCE(s."missing", '{}') AS "missing",
       p."code" AS "projectCode", b."sortOrder" AS "buildingSort", u."floor" AS "unitFloor", u."number" AS "unitNumber",
       r."archiveNo"
FROM "ArchiveRecord" r
JOIN "ArchiveClass" k ON k."id" = r."classId" AND k."isClientFile"
LEFT JOIN "Client" c ON c."id" = r."clientId"
LEFT JOIN "Project" p ON p."id" = r."projectId"
LEFT JOIN "Building" b ON b."id" = r."buildingId"
LEFT JOIN "Unit" u ON u."id" = r."unitId"
LEFT JOIN LATERAL (
  SELECT count(*)::int AS "applicable",
         (count(*) FILTER (WHERE x."ok"))::int AS "present",
         array_agg(ci."name" ORDER BY ci."sortOrder", ci."name") FILTER (WHERE NOT x."ok") AS "missing"
  FROM "ChecklistItem" ci
  CROSS JOIN LATERAL (
    SELECT COALESCE((SELECT sum(pi."count") FROM "ArchivePaperItem" pi
                     WHERE pi."recordId" = r."id" AND client_file_trim(pi."name") = client_file_trim(ci."name")), 0) >= ci."requiredCount" AS "ok"
  ) x
  WHERE ci."classId" = r."classId" AND ci."isActive"
    -- isApplicable(): the buyer kind for individual/company (neither when no client), else the flag.
    AND (ci."condition" IS NULL
         OR (ci."condition" IN ('individual', 'company') AND ci."condition"::text = c."kind"::text)
         OR (ci."condition" NOT IN ('individual', 'company') AND ci."condition" = ANY(r."conditions")))
) s ON true;

-- The same columns as client_file_computed for every file of one class, computed set-wise (paper
-- items summed per file and trimmed name once, hash-joined to the checklist): a checklist change
-- recomputes a class of a hundred thousand files without a lookup per file and item.
CREATE FUNCTION client_file_computed_class(cls uuid) RETURNS SETOF client_file_computed LANGUAGE sql STABLE AS $$
  WITH f AS (
    SELECT r."id", r."classId", r."projectId", r."buildingId", r."unitId", r."conditions", r."confidentiality", r."archiveNo", c."kind"::text AS "kind"
    FROM "ArchiveRecord" r
    JOIN "ArchiveClass" k ON k."id" = r."classId" AND k."isClientFile"
    LEFT JOIN "Client" c ON c."id" = r."clientId"
    WHERE r."classId" = cls
  ), lists AS (
    SELECT ci."name", client_file_trim(ci."name") AS "trimmed", ci."requiredCount", ci."condition", ci."sortOrder"
    FROM "ChecklistItem" ci WHERE ci."classId" = cls AND ci."isActive"
  ), paper AS (
    SELECT pi."recordId", client_file_trim(pi."name") AS "trimmed", sum(pi."count") AS "count"
    FROM "ArchivePaperItem" pi JOIN f ON f."id" = pi."recordId"
    WHERE client_file_trim(pi."name") IN (SELECT "trimmed" FROM lists)
    GROUP BY 1, 2
  ), items AS (
    SELECT f."id", l."name", l."sortOrder", COALESCE(p."count", 0) >= l."requiredCount" AS "ok"
    FROM f JOIN lists l ON (l."condition" IS NULL
         OR (l."condition" IN ('individual', 'company') AND l."condition"::text = f."kind")
         OR (l."condition" NOT IN ('individual', 'company') AND l."condition" = ANY(f."conditions")))
    LEFT JOIN paper p ON p."recordId" = f."id" AND p."trimmed" = l."trimmed"
  ), s AS (
    SELECT i."id", count(*)::int AS "applicable", (count(*) FILTER (WHERE i."ok"))::int AS "present",
           array_agg(i."name" ORDER BY i."sortOrder", i."name") FILTER (WHERE NOT i."ok") AS "missing"
    FROM items i GROUP BY i."id"
  )
  SELECT f."id", f."classId", f."projectId", f."buildingId", f."unitId", f."confidentiality" = 'secret',
         COALESCE(s."present" = s."applicable", true),
         CASE WHEN COALESCE(s."applicable", 0) = 0 THEN 100 ELSE (100 * s."present") / s."applicable" END,
         COALESCE(s."missing", '{}'),
         p."code", b."sortOrder", u."floor", u."number", f."archiveNo"
  FROM f
  LEFT JOIN s ON s."id" = f."id"
  LEFT JOIN "Project" p ON p."id" = f."projectId"
  LEFT JOIN "Building" b ON b."id" = f."buildingId"
  LEFT JOIN "Unit" u ON u."id" = f."unitId"
$$;

-- Writes the computed state of these records (or of the whole class `cls`) into ClientFileState,
-- deleting the rows of records that are no longer client files. Only rows that change are written,
-- so the tallies' trigger sees real changes only.
CREATE FUNCTION client_file_store(ids uuid[], cls uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cls IS NULL THEN
    DELETE FROM "ClientFileState" s WHERE s."recordId" = ANY(ids)
      AND NOT EXISTS (SELECT 1 FROM client_file_computed v WHERE v."recordId" = s."recordId");
    INSERT INTO "ClientFileState" AS t ("recordId", "classId", "projectId", "buildingId", "unitId", "isSecret", "complete", "percent", "missing", "projectCode", "buildingSort", "unitFloor", "unitNumber", "archiveNo")
    SELECT v.* FROM client_file_computed v WHERE v."recordId" = ANY(ids) ORDER BY v."recordId"
    ON CONFLICT ("recordId") DO UPDATE SET
      "classId" = EXCLUDED."classId", "projectId" = EXCLUDED."projectId", "buildingId" = EXCLUDED."buildingId", "unitId" = EXCLUDED."unitId",
      "isSecret" = EXCLUDED."isSecret", "complete" = EXCLUDED."complete", "percent" = EXCLUDED."percent", "missing" = EXCLUDED."missing",
      "projectCode" = EXCLUDED."projectCode", "buildingSort" = EXCLUDED."buildingSort", "unitFloor" = EXCLUDED."unitFloor",
      "unitNumber" = EXCLUDED."unitNumber", "archiveNo" = EXCLUDED."archiveNo"
    WHERE (t."classId", t."projectId", t."buildingId", t."unitId", t."isSecret", t."complete", t."percent", t."missing", t."projectCode", t."buildingSort", t."unitFloor", t."unitNumber", t."archiveNo")
          IS DISTINCT FROM (EXCLUDED."classId", EXCLUDED."projectId", EXCLUDED."buildingId", EXCLUDED."unitId", EXCLUDED."isSecret", EXCLUDED."complete", EXCLUDED."percent", EXCLUDED."missing", EXCLUDED."projectCode", EXCLUDED."buildingSort", EXCLUDED."unitFloor", EXCLUDED."unitNumber", EXCLUDED."archiveNo");
  ELSE
    -- The whole class leaves when it is no longer a client-file class; otherwise no file does.
    DELETE FROM "ClientFileState" s WHERE s."classId" = cls
      AND NOT EXISTS (SELECT 1 FROM "ArchiveClass" k WHERE k."id" = cls AND k."isClientFile");
    INSERT INTO "ClientFileState" AS t ("recordId", "classId", "projectId", "buildingId", "unitId", "isSecret", "complete", "percent", "missing", "projectCode", "buildingSort", "unitFloor", "unitNumber", "archiveNo")
    SELECT v.* FROM client_file_computed_class(cls) v ORDER BY v."recordId"
    ON CONFLICT ("recordId") DO UPDATE SET
      "complete" = EXCLUDED."complete", "percent" = EXCLUDED."percent", "missing" = EXCLUDED."missing"
    WHERE (t."complete", t."percent", t."missing") IS DISTINCT FROM (EXCLUDED."complete", EXCLUDED."percent", EXCLUDED."missing");
  END IF;
END $$;

-- Lock order, the same for every writer: the classes (shared; a checklist or class change takes
-- its class exclusively), then the records (FOR NO KEY UPDATE, which a paper item's foreign-key
-- check does not conflict with), then the rows the verdict and the sort read (FOR SHARE, so a
-- concurrent change of a client's kind or a project's code waits or is waited for). Each statement
-- of this READ COMMITTED function then reads what the writers before it committed, so two writers
-- of one file cannot both compute from a state that misses the other's change.
CREATE FUNCTION client_file_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k uuid;
  files uuid[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  FOR k IN
    SELECT "classId" FROM "ArchiveRecord" WHERE "id" = ANY(ids)
    UNION SELECT "classId" FROM "ClientFileState" WHERE "recordId" = ANY(ids)
    ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock_shared(15015, hashtext(k::text));
  END LOOP;
  SELECT array_agg(x."id" ORDER BY x."id") INTO files FROM (
    SELECT r."id" FROM "ArchiveRecord" r JOIN "ArchiveClass" c ON c."id" = r."classId" AND c."isClientFile" WHERE r."id" = ANY(ids)
    UNION SELECT "recordId" FROM "ClientFileState" WHERE "recordId" = ANY(ids)
  ) x;
  IF files IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM "ArchiveRecord" WHERE "id" = ANY(files) ORDER BY "id" FOR NO KEY UPDATE;
  PERFORM 1 FROM "Client" WHERE "id" IN (SELECT "clientId" FROM "ArchiveRecord" WHERE "id" = ANY(files)) ORDER BY "id" FOR SHARE;
  PERFORM 1 FROM "Project" WHERE "id" IN (SELECT "projectId" FROM "ArchiveRecord" WHERE "id" = ANY(files)) ORDER BY "id" FOR SHARE;
  PERFORM 1 FROM "Building" WHERE "id" IN (SELECT "buildingId" FROM "ArchiveRecord" WHERE "id" = ANY(files)) ORDER BY "id" FOR SHARE;
  PERFORM 1 FROM "Unit" WHERE "id" IN (SELECT "unitId" FROM "ArchiveRecord" WHERE "id" = ANY(files)) ORDER BY "id" FOR SHARE;
  PERFORM client_file_store(files, NULL);
END $$;

-- Every file of a class again, after its checklist or its client-file flag changed.
CREATE FUNCTION client_file_refresh_class(cls uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cls IS NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(15015, hashtext(cls::text));
  PERFORM client_file_store(NULL, cls);
END $$;

-- ArchiveRecord: the files whose verdict, place, visibility or sort changed; and the month tally.
CREATE FUNCTION archive_record_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n."id") INTO ids FROM new_rows n;
    INSERT INTO "ArchiveMonthTally" AS t ("month", "classId", "projectId", "isSecret", "records")
    SELECT to_char(n."createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), n."classId", COALESCE(n."projectId", '00000000-0000-0000-0000-000000000000'), n."confidentiality" = 'secret', count(*)
    FROM new_rows n GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("month", "classId", "projectId", "isSecret") DO UPDATE SET "records" = t."records" + EXCLUDED."records";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o."id") INTO ids FROM old_rows o;
    INSERT INTO "ArchiveMonthTally" AS t ("month", "classId", "projectId", "isSecret", "records")
    SELECT to_char(o."createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), o."classId", COALESCE(o."projectId", '00000000-0000-0000-0000-000000000000'), o."confidentiality" = 'secret', -count(*)
    FROM old_rows o GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("month", "classId", "projectId", "isSecret") DO UPDATE SET "records" = t."records" + EXCLUDED."records";
  ELSE
    SELECT array_agg(n."id") INTO ids FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (o."classId", o."projectId", o."buildingId", o."unitId", o."clientId", o."conditions", o."confidentiality", o."archiveNo")
          IS DISTINCT FROM (n."classId", n."projectId", n."buildingId", n."unitId", n."clientId", n."conditions", n."confidentiality", n."archiveNo");
    INSERT INTO "ArchiveMonthTally" AS t ("month", "classId", "projectId", "isSecret", "records")
    SELECT d."month", d."classId", d."projectId", d."isSecret", sum(d."n") FROM (
      SELECT to_char(n."createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS "month", n."classId", COALESCE(n."projectId", '00000000-0000-0000-0000-000000000000') AS "projectId", n."confidentiality" = 'secret' AS "isSecret", 1 AS "n"
      FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      WHERE (o."createdAt", o."classId", o."projectId", o."confidentiality") IS DISTINCT FROM (n."createdAt", n."classId", n."projectId", n."confidentiality")
      UNION ALL
      SELECT to_char(o."createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), o."classId", COALESCE(o."projectId", '00000000-0000-0000-0000-000000000000'), o."confidentiality" = 'secret', -1
      FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      WHERE (o."createdAt", o."classId", o."projectId", o."confidentiality") IS DISTINCT FROM (n."createdAt", n."classId", n."projectId", n."confidentiality")
    ) d GROUP BY 1, 2, 3, 4 HAVING sum(d."n") <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("month", "classId", "projectId", "isSecret") DO UPDATE SET "records" = t."records" + EXCLUDED."records";
  END IF;
  PERFORM client_file_refresh(ids);
  RETURN NULL;
END $$;

CREATE TRIGGER archive_record_summaries_insert AFTER INSERT ON "ArchiveRecord" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION archive_record_summaries();
CREATE TRIGGER archive_record_summaries_update AFTER UPDATE ON "ArchiveRecord" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION archive_record_summaries();
CREATE TRIGGER archive_record_summaries_delete AFTER DELETE ON "ArchiveRecord" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION archive_record_summaries();

-- ArchivePaperItem: the files whose paper items changed.
CREATE FUNCTION archive_paper_item_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."recordId") INTO ids FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."recordId") INTO ids FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT x."recordId") INTO ids FROM (
      SELECT n."recordId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE (o."recordId", o."name", o."count") IS DISTINCT FROM (n."recordId", n."name", n."count")
      UNION SELECT o."recordId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE (o."recordId", o."name", o."count") IS DISTINCT FROM (n."recordId", n."name", n."count")
    ) x;
  END IF;
  PERFORM client_file_refresh(ids);
  RETURN NULL;
END $$;

CREATE TRIGGER archive_paper_item_summaries_insert AFTER INSERT ON "ArchivePaperItem" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION archive_paper_item_summaries();
CREATE TRIGGER archive_paper_item_summaries_update AFTER UPDATE ON "ArchivePaperItem" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION archive_paper_item_summaries();
CREATE TRIGGER archive_paper_item_summaries_delete AFTER DELETE ON "ArchivePaperItem" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION archive_paper_item_summaries();

-- ChecklistItem and ArchiveClass.isClientFile: every file of the class (an administrator's change).
CREATE FUNCTION checklist_item_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."classId" <> NEW."classId" THEN
    -- Both classes, in the order every writer locks them.
    PERFORM client_file_refresh_class(LEAST(OLD."classId", NEW."classId"));
    PERFORM client_file_refresh_class(GREATEST(OLD."classId", NEW."classId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM client_file_refresh_class(OLD."classId");
  ELSE
    PERFORM client_file_refresh_class(NEW."classId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER checklist_item_summaries_insert AFTER INSERT ON "ChecklistItem" FOR EACH ROW EXECUTE FUNCTION checklist_item_summaries();
CREATE TRIGGER checklist_item_summaries_update AFTER UPDATE ON "ChecklistItem" FOR EACH ROW
  WHEN ((OLD."classId", OLD."name", OLD."requiredCount", OLD."condition", OLD."sortOrder", OLD."isActive") IS DISTINCT FROM (NEW."classId", NEW."name", NEW."requiredCount", NEW."condition", NEW."sortOrder", NEW."isActive"))
  EXECUTE FUNCTION checklist_item_summaries();
CREATE TRIGGER checklist_item_summaries_delete AFTER DELETE ON "ChecklistItem" FOR EACH ROW EXECUTE FUNCTION checklist_item_summaries();

CREATE FUNCTION archive_class_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM client_file_refresh_class(NEW."id");
  RETURN NULL;
END $$;

CREATE TRIGGER archive_class_summaries AFTER UPDATE OF "isClientFile" ON "ArchiveClass" FOR EACH ROW
  WHEN (OLD."isClientFile" IS DISTINCT FROM NEW."isClientFile") EXECUTE FUNCTION archive_class_summaries();

-- Client.kind decides which of the individual / company items apply.
CREATE FUNCTION client_kind_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM client_file_refresh(ARRAY(SELECT r."id" FROM "ArchiveRecord" r WHERE r."clientId" = NEW."id"));
  RETURN NULL;
END $$;

CREATE TRIGGER client_kind_summaries AFTER UPDATE OF "kind" ON "Client" FOR EACH ROW
  WHEN (OLD."kind" IS DISTINCT FROM NEW."kind") EXECUTE FUNCTION client_kind_summaries();

-- The shelving order's columns, copied from the project, building and unit.
CREATE FUNCTION client_file_sort_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Project' THEN
    UPDATE "ClientFileState" SET "projectCode" = NEW."code" WHERE "projectId" = NEW."id";
  ELSIF TG_TABLE_NAME = 'Building' THEN
    UPDATE "ClientFileState" SET "buildingSort" = NEW."sortOrder" WHERE "buildingId" = NEW."id";
  ELSE
    UPDATE "ClientFileState" SET "unitFloor" = NEW."floor", "unitNumber" = NEW."number" WHERE "unitId" = NEW."id";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER project_code_summaries AFTER UPDATE OF "code" ON "Project" FOR EACH ROW
  WHEN (OLD."code" IS DISTINCT FROM NEW."code") EXECUTE FUNCTION client_file_sort_summaries();
CREATE TRIGGER building_sort_summaries AFTER UPDATE OF "sortOrder" ON "Building" FOR EACH ROW
  WHEN (OLD."sortOrder" IS DISTINCT FROM NEW."sortOrder") EXECUTE FUNCTION client_file_sort_summaries();
CREATE TRIGGER unit_sort_summaries AFTER UPDATE OF "floor", "number" ON "Unit" FOR EACH ROW
  WHEN ((OLD."floor", OLD."number") IS DISTINCT FROM (NEW."floor", NEW."number")) EXECUTE FUNCTION client_file_sort_summaries();

-- ClientFileState → its tallies, by the difference each statement made.
CREATE FUNCTION client_file_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS "n" FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS "n" FROM old_rows'
    ELSE 'SELECT *, 1 AS "n" FROM new_rows UNION ALL SELECT *, -1 FROM old_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO "ClientFileTally" AS t ("projectId", "buildingId", "isSecret", "files", "complete")
    SELECT COALESCE(d."projectId", '00000000-0000-0000-0000-000000000000'), COALESCE(d."buildingId", '00000000-0000-0000-0000-000000000000'), d."isSecret",
           sum(d."n"), COALESCE(sum(d."n") FILTER (WHERE d."complete"), 0)
    FROM (%s) d GROUP BY 1, 2, 3
    HAVING sum(d."n") <> 0 OR COALESCE(sum(d."n") FILTER (WHERE d."complete"), 0) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("projectId", "buildingId", "isSecret") DO UPDATE SET "files" = t."files" + EXCLUDED."files", "complete" = t."complete" + EXCLUDED."complete"
  $q$, src);
  EXECUTE format($q$
    INSERT INTO "ClientFileMissingTally" AS t ("projectId", "isSecret", "name", "files")
    SELECT COALESCE(d."projectId", '00000000-0000-0000-0000-000000000000'), d."isSecret", m."name", sum(d."n")
    FROM (%s) d CROSS JOIN LATERAL (SELECT DISTINCT x AS "name" FROM unnest(d."missing") x) m GROUP BY 1, 2, 3
    HAVING sum(d."n") <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("projectId", "isSecret", "name") DO UPDATE SET "files" = t."files" + EXCLUDED."files"
  $q$, src);
  RETURN NULL;
END $$;

CREATE TRIGGER client_file_tallies_insert AFTER INSERT ON "ClientFileState" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_file_tallies();
CREATE TRIGGER client_file_tallies_update AFTER UPDATE ON "ClientFileState" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_file_tallies();
CREATE TRIGGER client_file_tallies_delete AFTER DELETE ON "ClientFileState" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_file_tallies();

-- Backfill: the existing files and months, through the same view and triggers.
INSERT INTO "ClientFileState" ("recordId", "classId", "projectId", "buildingId", "unitId", "isSecret", "complete", "percent", "missing", "projectCode", "buildingSort", "unitFloor", "unitNumber", "archiveNo")
SELECT v.* FROM "ArchiveClass" k CROSS JOIN LATERAL client_file_computed_class(k."id") v WHERE k."isClientFile";

INSERT INTO "ArchiveMonthTally" ("month", "classId", "projectId", "isSecret", "records")
SELECT to_char(r."createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), r."classId", COALESCE(r."projectId", '00000000-0000-0000-0000-000000000000'), r."confidentiality" = 'secret', count(*)
FROM "ArchiveRecord" r GROUP BY 1, 2, 3, 4;
