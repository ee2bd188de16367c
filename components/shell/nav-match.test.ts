import { describe, expect, it } from "vitest";
import { isNavActive } from "./nav-match";

const siblings = ["/archive", "/archive/client-files", "/archive/handover"];

describe("isNavActive", () => {
  it("lights the longest sibling that holds the page, never two at once", () => {
    expect(isNavActive("/archive/handover/abc", "/archive/handover", { kind: "prefix", siblings })).toBe(true);
    expect(isNavActive("/archive/handover/abc", "/archive", { kind: "prefix", siblings })).toBe(false);
    // A record page sits under /archive and belongs to 档案检索.
    expect(isNavActive("/archive/0b6c-record", "/archive", { kind: "prefix", siblings })).toBe(true);
  });

  it("does not take /archive-classes for a page under /archive", () => {
    expect(isNavActive("/archive-classes", "/archive", { kind: "prefix" })).toBe(false);
  });

  it("exact matches its own path only; a section heading never claims the page", () => {
    expect(isNavActive("/", "/", { kind: "exact" })).toBe(true);
    expect(isNavActive("/archive", "/", { kind: "exact" })).toBe(false);
    expect(isNavActive("/archive", "/archive", { kind: "section", path: "/archive" })).toBe(false);
  });
});
