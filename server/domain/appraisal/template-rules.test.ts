import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { DEFAULT_TEMPLATES, type TemplateInput } from "./dimensions";
import { checkTemplate } from "./template-rules";

function refusal(input: TemplateInput): { code: string; params: Record<string, unknown> } | null {
  try {
    checkTemplate(input);
    return null;
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, params: e.params };
    throw e;
  }
}
const clone = (t: TemplateInput): TemplateInput => structuredClone(t);

describe("template sum check (DOMAIN §4: the parts add up to the full mark)", () => {
  it("accepts both default templates: 德 20 勤 20 能 30 绩 30", () => {
    for (const t of Object.values(DEFAULT_TEMPLATES)) {
      const m = checkTemplate(t);
      expect(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.toNumber()]))).toEqual({ de: 20, qin: 20, neng: 30, ji: 30 });
    }
  });

  it("refuses dimensions that do not add up to 100", () => {
    const t = clone(DEFAULT_TEMPLATES.operational);
    t.maxima.ji = "25";
    t.items.find((i) => i.name === "其它成绩")!.maxScore = "0.1";
    expect(refusal(t)).toEqual({ code: "APPRAISAL_TEMPLATE_SUM", params: { sum: "95" } });
  });

  it("refuses items that do not add up to their dimension's maximum", () => {
    const t = clone(DEFAULT_TEMPLATES.operational);
    t.items.find((i) => i.name === "业务能力")!.maxScore = "11.5";
    expect(refusal(t)).toEqual({ code: "APPRAISAL_TEMPLATE_DIMENSION_SUM", params: { dimension: "neng", sum: "29.5", max: "30" } });
  });

  it("accepts other weightings that still add up exactly (decimals, no float drift)", () => {
    const t = clone(DEFAULT_TEMPLATES.operational);
    t.maxima = { de: "15.5", qin: "24.5", neng: "30", ji: "30" };
    const de = t.items.filter((i) => i.dimension === "de");
    de[0]!.maxScore = "0.1";
    de[1]!.maxScore = "0.2";
    de[2]!.maxScore = "7.6";
    de[3]!.maxScore = "7.6";
    const qin = t.items.filter((i) => i.dimension === "qin");
    qin[0]!.maxScore = "9.5";
    expect(refusal(t)).toBeNull();
  });

  it("refuses a dimension without items, a duplicate item, a zero or over-precise maximum", () => {
    const empty = clone(DEFAULT_TEMPLATES.operational);
    empty.items = empty.items.filter((i) => i.dimension !== "qin");
    expect(refusal(empty)?.code).toBe("APPRAISAL_TEMPLATE_EMPTY_DIMENSION");

    const dup = clone(DEFAULT_TEMPLATES.operational);
    dup.items[1]!.name = dup.items[0]!.name;
    expect(refusal(dup)?.code).toBe("APPRAISAL_TEMPLATE_DUPLICATE_ITEM");

    const zero = clone(DEFAULT_TEMPLATES.operational);
    zero.items[0]!.maxScore = "0";
    expect(refusal(zero)?.code).toBe("APPRAISAL_TEMPLATE_BAD_MAX");

    const precise = clone(DEFAULT_TEMPLATES.operational);
    precise.items[0]!.maxScore = "4.95";
    expect(refusal(precise)?.code).toBe("APPRAISAL_TEMPLATE_BAD_MAX");

    const junk = clone(DEFAULT_TEMPLATES.operational);
    junk.maxima.de = "abc";
    expect(refusal(junk)?.code).toBe("APPRAISAL_TEMPLATE_BAD_MAX");
  });
});
