import { describe, expect, it } from "vitest";
import { csvText, neutraliseFormula } from "./csv";

describe("csvText", () => {
  it("neutralises what a spreadsheet would run as a formula, keeps numbers and quotes separators", () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example","点我")')).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    for (const s of ["+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutraliseFormula(s).startsWith("'")).toBe(true);
    expect(neutraliseFormula("-2")).toBe("-2");
    expect(neutraliseFormula("12.5")).toBe("12.5");
    expect(csvText([["名称", "数"], ['=cmd|"/c calc"!A1', -3], ["a,b", 'say "hi"']])).toBe(
      `\uFEFF名称,数\r\n"'=cmd|""/c calc""!A1",-3\r\n"a,b","say ""hi"""\r\n`,
    );
  });
});
