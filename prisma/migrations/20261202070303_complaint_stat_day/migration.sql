-- CreateTable
CREATE TABLE "ComplaintStatDay" (
    "day" DATE NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "replied" INTEGER NOT NULL DEFAULT 0,
    "repliedOnTime" INTEGER NOT NULL DEFAULT 0,
    "lapseFree" INTEGER NOT NULL DEFAULT 0,
    "owed" INTEGER NOT NULL DEFAULT 0,
    "owedCalledBack" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ComplaintStatDay_pkey" PRIMARY KEY ("day","dim","key")
);

-- CreateTable
CREATE TABLE "ComplaintCallbackStatDay" (
    "day" DATE NOT NULL,
    "satisfaction" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ComplaintCallbackStatDay_pkey" PRIMARY KEY ("day","satisfaction")
);

-- CreateIndex
CREATE INDEX "Complaint_repliedAt_receivedAt_idx" ON "Complaint"("repliedAt", "receivedAt");

-- CreateIndex
CREATE INDEX "RepairOrder_createdAt_idx" ON "RepairOrder"("createdAt");

-- 投诉统计 per Shanghai day of receipt, kept in the transaction that writes the complaint or the
-- callback (see the models). A complaint's part: one total row and one row per dimension.
CREATE FUNCTION complaint_is_owed(c "Complaint") RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT c."resolvedAt" IS NOT NULL OR c."reopenCount" > 0 OR c."status"::text IN ('resolved', 'called_back', 'closed')
$$;

CREATE FUNCTION complaint_stat_apply(c "Complaint", sign int, called_back boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d date := (c."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date;
  owed boolean := complaint_is_owed(c);
BEGIN
  INSERT INTO "ComplaintStatDay" AS s ("day", "dim", "key", "n", "replied", "repliedOnTime", "lapseFree", "owed", "owedCalledBack")
  VALUES (d, 'total', '', sign,
          CASE WHEN c."repliedAt" IS NOT NULL THEN sign ELSE 0 END,
          CASE WHEN c."repliedAt" <= c."promisedReplyAt" THEN sign ELSE 0 END,
          CASE WHEN c."progressLapses" = 0 THEN sign ELSE 0 END,
          CASE WHEN owed THEN sign ELSE 0 END,
          CASE WHEN owed AND called_back THEN sign ELSE 0 END),
         (d, 'category', c."categoryId"::text, sign, 0, 0, 0, 0, 0),
         (d, 'channel', c."channel"::text, sign, 0, 0, 0, 0, 0),
         (d, 'severity', c."severity"::text, sign, 0, 0, 0, 0, 0),
         (d, 'person', c."receivedById"::text, sign, 0, 0, 0, 0, 0)
  ON CONFLICT ("day", "dim", "key") DO UPDATE SET
    "n" = s."n" + EXCLUDED."n", "replied" = s."replied" + EXCLUDED."replied", "repliedOnTime" = s."repliedOnTime" + EXCLUDED."repliedOnTime",
    "lapseFree" = s."lapseFree" + EXCLUDED."lapseFree", "owed" = s."owed" + EXCLUDED."owed", "owedCalledBack" = s."owedCalledBack" + EXCLUDED."owedCalledBack";
END $$;

CREATE FUNCTION complaint_stat_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
     (OLD."receivedAt", OLD."categoryId", OLD."channel", OLD."severity", OLD."receivedById", OLD."repliedAt", OLD."promisedReplyAt", OLD."progressLapses", OLD."resolvedAt", OLD."reopenCount", OLD."status")
     IS NOT DISTINCT FROM
     (NEW."receivedAt", NEW."categoryId", NEW."channel", NEW."severity", NEW."receivedById", NEW."repliedAt", NEW."promisedReplyAt", NEW."progressLapses", NEW."resolvedAt", NEW."reopenCount", NEW."status") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM complaint_stat_apply(OLD, -1, EXISTS (SELECT 1 FROM "ServiceCallback" k WHERE k."complaintId" = OLD."id"));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM complaint_stat_apply(NEW, 1, EXISTS (SELECT 1 FROM "ServiceCallback" k WHERE k."complaintId" = NEW."id"));
  END IF;
  -- Callbacks count on the day their complaint was received: a corrected receipt moves them.
  IF TG_OP = 'UPDATE' AND (OLD."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date <> (NEW."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date THEN
    INSERT INTO "ComplaintCallbackStatDay" AS s ("day", "satisfaction", "n", "onTime")
    SELECT v."day", k."satisfaction"::text, v."sign" * count(*), v."sign" * count(*) FILTER (WHERE k."dueAt" IS NULL OR k."calledAt" <= k."dueAt")
    FROM "ServiceCallback" k
    CROSS JOIN (VALUES ((OLD."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date, -1), ((NEW."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date, 1)) AS v("day", "sign")
    WHERE k."complaintId" = NEW."id"
    GROUP BY v."day", v."sign", k."satisfaction"
    ON CONFLICT ("day", "satisfaction") DO UPDATE SET "n" = s."n" + EXCLUDED."n", "onTime" = s."onTime" + EXCLUDED."onTime";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER complaint_stat_row AFTER INSERT OR UPDATE OR DELETE ON "Complaint" FOR EACH ROW EXECUTE FUNCTION complaint_stat_row();

-- A callback counts on the day its complaint was received; the complaint's first callback (or the
-- removal of its last) moves owedCalledBack. The complaint row is locked first, so two callbacks
-- written at once, or a callback and a change of the complaint, are counted one after the other.
CREATE FUNCTION complaint_callback_stat_apply(k "ServiceCallback", sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c "Complaint";
BEGIN
  -- NO KEY UPDATE: the insert already holds KEY SHARE on the complaint (its foreign key); FOR
  -- UPDATE would deadlock two callbacks of one complaint written at once.
  SELECT * INTO c FROM "Complaint" WHERE "id" = k."complaintId" FOR NO KEY UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  INSERT INTO "ComplaintCallbackStatDay" AS s ("day", "satisfaction", "n", "onTime")
  VALUES ((c."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date, k."satisfaction"::text, sign, CASE WHEN k."dueAt" IS NULL OR k."calledAt" <= k."dueAt" THEN sign ELSE 0 END)
  ON CONFLICT ("day", "satisfaction") DO UPDATE SET "n" = s."n" + EXCLUDED."n", "onTime" = s."onTime" + EXCLUDED."onTime";
  IF complaint_is_owed(c) AND NOT EXISTS (SELECT 1 FROM "ServiceCallback" o WHERE o."complaintId" = c."id" AND o."id" <> k."id") THEN
    UPDATE "ComplaintStatDay" SET "owedCalledBack" = "owedCalledBack" + sign
    WHERE "day" = (c."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date AND "dim" = 'total' AND "key" = '';
  END IF;
END $$;

CREATE FUNCTION complaint_callback_stat_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."complaintId" IS NOT NULL THEN
    PERFORM complaint_callback_stat_apply(OLD, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."complaintId" IS NOT NULL THEN
    PERFORM complaint_callback_stat_apply(NEW, 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER complaint_callback_stat_row AFTER INSERT OR UPDATE OR DELETE ON "ServiceCallback" FOR EACH ROW EXECUTE FUNCTION complaint_callback_stat_row();

-- The complaints and callbacks already there.
WITH f AS (
  SELECT (c."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date AS "d", c."categoryId"::text AS "cat", c."channel"::text AS "ch", c."severity"::text AS "sev", c."receivedById"::text AS "per",
         (c."repliedAt" IS NOT NULL)::int AS "replied", (c."repliedAt" IS NOT NULL AND c."repliedAt" <= c."promisedReplyAt")::int AS "onTime",
         (c."progressLapses" = 0)::int AS "lapseFree", complaint_is_owed(c)::int AS "owed",
         (complaint_is_owed(c) AND EXISTS (SELECT 1 FROM "ServiceCallback" k WHERE k."complaintId" = c."id"))::int AS "owedCalledBack"
  FROM "Complaint" c
)
INSERT INTO "ComplaintStatDay" ("day", "dim", "key", "n", "replied", "repliedOnTime", "lapseFree", "owed", "owedCalledBack")
SELECT "d", 'total', '', count(*), sum("replied"), sum("onTime"), sum("lapseFree"), sum("owed"), sum("owedCalledBack") FROM f GROUP BY 1
UNION ALL SELECT "d", 'category', "cat", count(*), 0, 0, 0, 0, 0 FROM f GROUP BY 1, 3
UNION ALL SELECT "d", 'channel', "ch", count(*), 0, 0, 0, 0, 0 FROM f GROUP BY 1, 3
UNION ALL SELECT "d", 'severity', "sev", count(*), 0, 0, 0, 0, 0 FROM f GROUP BY 1, 3
UNION ALL SELECT "d", 'person', "per", count(*), 0, 0, 0, 0, 0 FROM f GROUP BY 1, 3;

INSERT INTO "ComplaintCallbackStatDay" ("day", "satisfaction", "n", "onTime")
SELECT (c."receivedAt" AT TIME ZONE 'Asia/Shanghai')::date, k."satisfaction"::text, count(*), count(*) FILTER (WHERE k."dueAt" IS NULL OR k."calledAt" <= k."dueAt")
FROM "ServiceCallback" k JOIN "Complaint" c ON c."id" = k."complaintId"
GROUP BY 1, 2;
