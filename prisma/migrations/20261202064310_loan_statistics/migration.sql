-- AlterTable
ALTER TABLE "BorrowItem" ADD COLUMN     "classId" UUID,
ADD COLUMN     "projectId" UUID;

-- CreateIndex
CREATE INDEX "BorrowItem_requestId_classId_projectId_idx" ON "BorrowItem"("requestId", "classId", "projectId");

-- CreateIndex
CREATE INDEX "BorrowRequest_dueOn_idx" ON "BorrowRequest"("dueOn");
-- The record's class and project on each loan item, set in the same statement that writes the
-- item (a record's class and project are fixed at registration), and filled for existing items.
CREATE FUNCTION borrow_item_record_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a."classId", a."projectId" INTO NEW."classId", NEW."projectId" FROM "ArchiveRecord" a WHERE a."id" = NEW."recordId";
  RETURN NEW;
END $$;
CREATE TRIGGER borrow_item_record_keys BEFORE INSERT OR UPDATE OF "recordId", "classId", "projectId" ON "BorrowItem" FOR EACH ROW EXECUTE FUNCTION borrow_item_record_keys();

UPDATE "BorrowItem" i SET "classId" = a."classId", "projectId" = a."projectId" FROM "ArchiveRecord" a WHERE a."id" = i."recordId";
