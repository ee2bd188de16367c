import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../server/db/generated/client";
import { containsText, containsTextInsensitive, startsWithText } from "../../server/domain/search/like-pattern";
import { signedInAs, useTestDatabase, type Caller } from "./helpers";

// Substring filters take what was typed literally: `%` and `_` are LIKE wildcards in the pattern
// Prisma's `contains`/`startsWith` send, so the filters go through server/domain/search/like-pattern.ts.
const t = useTestDatabase();
let archivist: Caller;

const NAMES = ["折扣50%档案", "折扣500档案", "编号A_1档案", "编号AB1档案", "路径C:\\d档案", "路径C:xd档案", "Mixed_Case档案", "MIXEDXCASE档案"];

beforeAll(async () => {
  archivist = (await signedInAs(t.db, ["archivist"])).caller;
  for (const [i, name] of NAMES.entries()) await t.db.archiveClass.create({ data: { code: `LK${i}`, name, retentionYears: 10 } });
  await archivist.labels.boxes.create({ cabinet: "柜L", shelf: "1层", box: "01盒", note: "满50%即换盒" });
  await archivist.labels.boxes.create({ cabinet: "柜L", shelf: "1层", box: "02盒", note: "可放500份" });
  await archivist.labels.boxes.create({ cabinet: "柜L", shelf: "1层", box: "0_3盒" });
  await archivist.labels.boxes.create({ cabinet: "柜L", shelf: "1层", box: "0X3盒" });
});

const names = async (where: Prisma.ArchiveClassWhereInput) =>
  (await t.db.archiveClass.findMany({ where, orderBy: { code: "asc" }, select: { name: true } })).map((c) => c.name);

describe("LIKE wildcards in a filter match literally", () => {
  it("Prisma's own contains treats % and _ as wildcards (why the helper exists)", async () => {
    expect(await names({ name: { contains: "50%" } })).toEqual(["折扣50%档案", "折扣500档案"]);
    expect(await names({ name: { contains: "A_1" } })).toEqual(["编号A_1档案", "编号AB1档案"]);
  });

  it("containsText, containsTextInsensitive and startsWithText match the characters typed", async () => {
    expect(await names({ name: containsText("50%") })).toEqual(["折扣50%档案"]);
    expect(await names({ name: containsText("A_1") })).toEqual(["编号A_1档案"]);
    expect(await names({ name: containsText("C:\\d") })).toEqual(["路径C:\\d档案"]);
    expect(await names({ name: containsTextInsensitive("mixed_case") })).toEqual(["Mixed_Case档案"]);
    expect(await names({ name: startsWithText("编号A_") })).toEqual(["编号A_1档案"]);
    expect(await names({ name: containsText("折扣50") })).toEqual(["折扣50%档案", "折扣500档案"]);
  });

  it("the 档案盒 search (a procedure) finds 50% and 0_3 as typed", async () => {
    const codes = async (q: string) => (await archivist.labels.boxes.list({ q, cabinet: "柜L" })).rows.map((b) => b.code).sort();
    expect(await codes("50%")).toEqual(["柜L-1层-01盒"]);
    expect(await codes("0_3")).toEqual(["柜L-1层-0_3盒"]);
    expect(await codes("50")).toEqual(["柜L-1层-01盒", "柜L-1层-02盒"]);
  });
});
