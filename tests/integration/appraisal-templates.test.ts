import { beforeAll, describe, expect, it } from "vitest";
import { refusalOf, useTestDatabase, pgErrorText } from "./helpers";
import { department, person, type Person } from "./appraisal-helpers";

// Issue 7 §1: admin-edited, versioned templates whose parts add up to 100; appraisals keep the
// version they were scored with.
const t = useTestDatabase();
let admin: Person;
let admin2: Person;
let manager: Person;
let staff: Person;

beforeAll(async () => {
  const d = await department(t.db, "TT");
  admin = await person(t.db, ["admin"], null);
  admin2 = await person(t.db, ["admin"], null);
  manager = await person(t.db, ["manager"], d);
  staff = await person(t.db, ["staff"], d);
});

type Current = Awaited<ReturnType<Person["caller"]["appraisal"]["templates"]["list"]>>[number]["current"];
const asInput = (c: Current, baseVersion: number) => ({
  audience: c.audience,
  baseVersion,
  name: c.name,
  maxima: c.maxima,
  items: c.items.map((i) => ({ dimension: i.dimension, name: i.name, maxScore: i.maxScore, criteria: i.criteria })),
});

describe("templates", () => {
  it("shows the default (德20 勤20 能30 绩30) as version 0 until first saved; staff cannot read them", async () => {
    const list = await admin.caller.appraisal.templates.list();
    expect(list.map((l) => l.audience)).toEqual(["operational", "management"]);
    expect(list[0]!.current).toMatchObject({ version: 0, maxima: { de: "20", qin: "20", neng: "30", ji: "30" } });
    expect(list[0]!.current.items).toHaveLength(16);
    expect((await refusalOf(staff.caller.appraisal.templates.list())).code).toBe("FORBIDDEN");
  });

  it("refuses a template whose parts do not add up, with the sum in the message, and saves nothing", async () => {
    const [op] = await admin.caller.appraisal.templates.list();
    const bad = asInput(op!.current, 0);
    bad.maxima = { ...bad.maxima, ji: "35" };
    const r = await refusalOf(admin.caller.appraisal.templates.save(bad));
    expect(r).toMatchObject({ code: "BAD_REQUEST", domainCode: "APPRAISAL_TEMPLATE_SUM" });
    expect(r.message).toContain("105");
    const items = asInput(op!.current, 0);
    items.items[0]!.maxScore = "6";
    const r2 = await refusalOf(admin.caller.appraisal.templates.save(items));
    expect(r2.domainCode).toBe("APPRAISAL_TEMPLATE_DIMENSION_SUM");
    expect(r2.message).toBe("“德”下各项目满分合计为 21 分，须等于该维度满分 20 分。");
    expect(await t.db.appraisalTemplate.count()).toBe(0);
  });

  it("saving writes the next version; an appraisal keeps the version it was scored with", async () => {
    const { id: before } = await manager.caller.appraisal.appraisals.create({ employeeId: staff.id, kind: "monthly", period: "2026-01" });
    expect((await manager.caller.appraisal.appraisals.get({ appraisalId: before })).template.version).toBe(1);

    const [op] = await admin.caller.appraisal.templates.list();
    expect(op!.current.version).toBe(1);
    const next = asInput(op!.current, 1);
    next.name = "操作层员工考核标准（2026 修订）";
    next.items.find((i) => i.name === "业务能力")!.maxScore = "10";
    next.items.find((i) => i.name === "创新能力")!.maxScore = "9";
    const saved = await admin.caller.appraisal.templates.save(next);
    expect(saved.version).toBe(2);

    const { id: after } = await manager.caller.appraisal.appraisals.create({ employeeId: staff.id, kind: "monthly", period: "2026-02" });
    const a = await manager.caller.appraisal.appraisals.get({ appraisalId: after });
    expect(a.template.version).toBe(2);
    expect(a.template.items.find((i) => i.name === "业务能力")!.maxScore).toBe("10");
    const b = await manager.caller.appraisal.appraisals.get({ appraisalId: before });
    expect(b.template.items.find((i) => i.name === "业务能力")!.maxScore).toBe("12");

    // Older versions cannot be changed, even directly in the database.
    await expect(t.db.appraisalTemplate.update({ where: { id: b.template.id }, data: { name: "改" } })).rejects.toSatisfy((e) => /refused/.test(pgErrorText(e)));
    const audit = await t.db.auditLog.findFirst({ where: { action: "appraisalTemplate.create", entityId: saved.id }, select: { after: true } });
    expect(audit?.after).toMatchObject({ version: 2 });
  });

  it("two admins saving from the same version: one new version, one stale conflict", async () => {
    const [op] = await admin.caller.appraisal.templates.list();
    const base = op!.current.version;
    const results = await Promise.allSettled([admin.caller.appraisal.templates.save(asInput(op!.current, base)), admin2.caller.appraisal.templates.save(asInput(op!.current, base))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((await refusalOf(Promise.reject(rejected.reason))).domainCode).toBe("APPRAISAL_TEMPLATE_STALE");
    expect(await t.db.appraisalTemplate.count({ where: { audience: "operational" } })).toBe(base + 1);
  });

  it("only the admin edits templates; managers read them", async () => {
    const [op] = await manager.caller.appraisal.templates.list();
    expect((await refusalOf(manager.caller.appraisal.templates.save(asInput(op!.current, op!.current.version)))).code).toBe("FORBIDDEN");
  });
});
