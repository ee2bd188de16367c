import { describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { activeUserIdsWithRoles, notify } from "../../server/domain/notifications/notify";
import { refusalOf, signedInAs, useTestDatabase } from "./helpers";

// The in-app inbox every module's reminders go to (issue 5 item 5, issue 9 item 4).
const t = useTestDatabase();

describe("notifications", () => {
  it("a deduplicated notice reaches each recipient once, however often it is sent", async () => {
    const a = await signedInAs(t.db, ["staff"]);
    const b = await signedInAs(t.db, ["archivist"]);
    const send = () => inTransaction(t.db, (tx) => notify(tx, { userIds: [a.user.id, b.user.id, a.user.id], kind: "test", params: { no: "JY-1" }, link: "/x", dedupeKey: "test:JY-1:due" }));
    expect(await send()).toBe(2);
    // A second scheduler tick, or a second server instance running the same job at once.
    expect((await Promise.all([send(), send()])).reduce((x, y) => x + y, 0)).toBe(0);
    expect(await a.caller.notifications.unreadCount()).toBe(1);
    const list = await a.caller.notifications.list({});
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ kind: "test", params: { no: "JY-1" }, link: "/x", readAt: null });
  });

  it("marks only the reader's own notices read, and 'all read' spares what arrived after the page was drawn", async () => {
    const a = await signedInAs(t.db, ["staff"]);
    const b = await signedInAs(t.db, ["staff"]);
    await inTransaction(t.db, (tx) => notify(tx, { userIds: [a.user.id, b.user.id], kind: "first" }));
    const bNotice = (await b.caller.notifications.list({})).items[0]!;
    expect(await a.caller.notifications.markRead({ ids: [bNotice.id] })).toBe(0);
    expect(await b.caller.notifications.unreadCount()).toBe(1);

    const seenAt = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await inTransaction(t.db, (tx) => notify(tx, { userIds: [a.user.id], kind: "later" }));
    expect(await a.caller.notifications.markAllRead({ seenAt })).toBe(1);
    const unread = await a.caller.notifications.list({ unreadOnly: true });
    expect(unread.items.map((n) => n.kind)).toEqual(["later"]);
  });

  it("pages newest first without repeating or skipping", async () => {
    const a = await signedInAs(t.db, ["staff"]);
    for (let i = 0; i < 12; i++) await inTransaction(t.db, (tx) => notify(tx, { userIds: [a.user.id], kind: `n${i}` }));
    const first = await a.caller.notifications.list({ pageSize: 5 });
    const second = await a.caller.notifications.list({ pageSize: 5, cursor: first.nextCursor! });
    const third = await a.caller.notifications.list({ pageSize: 5, cursor: second.nextCursor! });
    const kinds = [...first.items, ...second.items, ...third.items].map((n) => n.kind);
    expect(kinds).toEqual(Array.from({ length: 12 }, (_, i) => `n${11 - i}`));
    expect(third.nextCursor).toBeNull();
  });

  it("finds the active holders of a role, leaving out the one named", async () => {
    const m1 = await signedInAs(t.db, ["manager"]);
    const m2 = await signedInAs(t.db, ["manager"]);
    await t.db.user.update({ where: { id: m2.user.id }, data: { isActive: false } });
    const ids = await inTransaction(t.db, (tx) => activeUserIdsWithRoles(tx, ["manager"]));
    expect(ids).toContain(m1.user.id);
    expect(ids).not.toContain(m2.user.id);
    expect(await inTransaction(t.db, (tx) => activeUserIdsWithRoles(tx, ["manager"], m1.user.id))).not.toContain(m1.user.id);
  });

  it("refuses a seenAt outside PostgreSQL's range with a Chinese message, not a 500", async () => {
    // Found by the procedure fuzz test: notifications.markAllRead with seenAt in the year -271821.
    const a = await signedInAs(t.db, ["staff"]);
    for (const seenAt of [new Date(-8.64e15), new Date(8.64e15), new Date("1900-01-01T00:00:00Z")]) {
      const r = await refusalOf(a.caller.notifications.markAllRead({ seenAt }));
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors).toEqual({ seenAt: "日期超出可用范围（2000–2099 年）" });
    }
  });
});
