-- AlterTable
ALTER TABLE "BorrowRequest" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- The slips already there: the same text createBorrowRequest writes (slipSearchText: number,
-- purpose, requester, the files' 档号 and titles, NFKC, lower case, single spaces).
UPDATE "BorrowRequest" AS r SET "searchText" = btrim(regexp_replace(lower(normalize(concat_ws(' ',
  r."requestNo", r."purpose",
  (SELECT u."displayName" FROM "User" AS u WHERE u."id" = r."requesterId"),
  (SELECT string_agg(a."archiveNo" || ' ' || a."title", ' ' ORDER BY a."archiveNo")
     FROM "BorrowItem" AS i JOIN "ArchiveRecord" AS a ON a."id" = i."recordId" WHERE i."requestId" = r."id")
), NFKC)), '\s+', ' ', 'g'))
WHERE r."searchText" = '';
