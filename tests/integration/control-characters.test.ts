import { beforeAll, describe, expect, it } from "vitest";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// Issue 16 #4: a NUL in any text input answered 500 (PostgreSQL refuses U+0000 in text). Now every
// procedure refuses control characters before it runs, under the field, and changes nothing.
const t = useTestDatabase();
let manager: Caller;
let archivist: Caller;

beforeAll(async () => {
  manager = (await signedInAs(t.db, ["manager"])).caller;
  archivist = (await signedInAs(t.db, ["archivist"])).caller;
});

const NUL = "a\u0000b";

describe("control characters in input", () => {
  it("refuses a NUL in searches and list filters with a Chinese message under the field", async () => {
    const calls: [string, () => Promise<unknown>][] = [
      ["q", () => manager.search.query({ q: NUL, limit: 5 })],
      ["q", () => manager.archive.search.records({ q: NUL })],
      ["q", () => manager.complaints.list({ q: NUL })],
      ["q", () => manager.contacts.list({ q: NUL })],
    ];
    for (const [field, call] of calls) {
      const r = await refusalOf(call());
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors?.[field]).toBe("不能包含控制字符（如 NUL），请删去后重试");
    }
  });

  it("refuses a control character in a nested field of a mutation and writes nothing", async () => {
    const before = await t.db.storageBox.count();
    const r = await refusalOf(archivist.labels.boxes.create({ cabinet: "柜N", shelf: "1层", box: "01盒", note: "备注\u0007" }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(Object.keys(r.fieldErrors ?? {})).toEqual(["note"]);
    expect(await t.db.storageBox.count()).toBe(before);
  });

  it("keeps line breaks and tabs, which multi-line fields use", async () => {
    await archivist.labels.boxes.create({ cabinet: "柜N", shelf: "1层", box: "02盒", note: "第一行\n第二行\t完" });
    expect(await t.db.storageBox.count({ where: { cabinet: "柜N" } })).toBe(1);
  });

  it("refuses half a surrogate pair (a broken emoji), which the audit log's jsonb refused with a 500, and writes nothing", async () => {
    // Found by the procedure fuzz test: archive.records.create with cabinet "\ud800".
    const before = await t.db.storageBox.count();
    const r = await refusalOf(archivist.labels.boxes.create({ cabinet: "柜S", shelf: "1层", box: "01盒", note: "备注\ud800" }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors).toEqual({ note: "包含残缺的字符（如不完整的表情符号），请删去后重试" });
    expect(await t.db.storageBox.count()).toBe(before);
    await archivist.labels.boxes.create({ cabinet: "柜S", shelf: "1层", box: "02盒", note: "完整的表情 😀" });
    expect(await t.db.storageBox.count()).toBe(before + 1);
  });
});
