import { describe, expect, it } from "vitest";
import { queryGrams, searchGrams } from "./search-text";
import { parseSearchTerm } from "./search.service";

describe("search grams on Chinese text", () => {
  it("a record's grams hold every 1- and 2-character piece, so any substring's grams are a subset", () => {
    const grams = searchGrams("KH-2026-000123 张小明 认购书 华景花园 1栋 0101");
    for (const q of ["张", "小明", "张小明", "认购", "华景花", "1栋", "kh-2026"]) {
      const wanted = queryGrams(q);
      expect(wanted.length).toBeGreaterThan(0);
      expect(wanted.every((g) => grams.includes(g)), q).toBe(true);
    }
    // Text across a space was never adjacent: its bigram is not in the record.
    expect(queryGrams("花园1栋").every((g) => grams.includes(g))).toBe(false);
  });

  it("a 1-character query asks for that character; longer queries for their bigrams", () => {
    expect(queryGrams("王")).toEqual(["王"]);
    expect(queryGrams("王小")).toEqual(["王小"]);
    expect(queryGrams("借阅登记")).toEqual(["借阅", "阅登", "登记"]);
    expect(queryGrams("  ")).toEqual([]);
  });

  it("full-width letters and digits match their ASCII form (NFKC), case-insensitively", () => {
    expect(queryGrams("ＫＨ")).toEqual(["kh"]);
    expect(searchGrams("KH")).toContain("kh");
  });
});

describe("what the search box holds", () => {
  it("a whole 18-digit ID number (X checksum) is an exact ID lookup", () => {
    expect(parseSearchTerm("11010119900307123x")).toEqual({ kind: "idNumber", value: "11010119900307123X" });
    expect(parseSearchTerm(" 110101199003071234 ")).toEqual({ kind: "idNumber", value: "110101199003071234" });
  });

  it("a whole mobile number is an exact phone lookup", () => {
    expect(parseSearchTerm("13812345678")).toEqual({ kind: "phone", value: "13812345678" });
  });

  it("a partial ID number or phone is plain text (and so matches no personal data)", () => {
    expect(parseSearchTerm("1101011990")?.kind).toBe("text");
    expect(parseSearchTerm("1234")?.kind).toBe("text");
    expect(parseSearchTerm("1381234")?.kind).toBe("text");
  });

  it("names, titles and 档号 parts are text with their grams", () => {
    expect(parseSearchTerm("张小")).toEqual({ kind: "text", value: "张小", grams: ["张小"] });
    expect(parseSearchTerm("KH-2026")?.kind).toBe("text");
    expect(parseSearchTerm("")).toBeNull();
    expect(parseSearchTerm(undefined)).toBeNull();
  });
});
