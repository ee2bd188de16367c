import { describe, expect, it } from "vitest";
import { figureLines, tallyFigures, type ContactRow } from "./report-figures";

const row = (o: Partial<ContactRow>): ContactRow => ({ channel: "phone", purpose: "consult", followUpNeeded: false, followUpDoneAt: null, complaintId: null, repairId: null, voidedAt: null, ...o });

describe("report figures", () => {
  it("count contacts by channel and purpose, follow-ups and conversions; voided entries apart", () => {
    const f = tallyFigures({
      contacts: [
        row({}),
        row({ channel: "visit", purpose: "complaint", complaintId: "c1", followUpNeeded: true }),
        row({ purpose: "repair", repairId: "r1", followUpNeeded: true, followUpDoneAt: new Date() }),
        row({ channel: "visit", purpose: "certificate", voidedAt: new Date(), followUpNeeded: true }),
      ],
      complaintsReceived: [{ severity: "normal" }, { severity: "major" }],
      complaintsResolved: 1,
      complaintsClosed: 0,
      callbacks: [
        { satisfaction: "dissatisfied", isComplaint: true },
        { satisfaction: "satisfied", isComplaint: false },
      ],
      repairsRegistered: 3,
      repairsDone: 2,
    });
    expect(f.contacts).toEqual({
      total: 3,
      byChannel: { phone: 2, visit: 1 },
      byPurpose: { consult: 1, complaint: 1, repair: 1, certificate: 0, other: 0 },
      followUpNeeded: 2,
      followUpDone: 1,
      followUpOpen: 1,
      toComplaint: 1,
      toRepair: 1,
      voided: 1,
    });
    expect(f.complaints).toEqual({ received: 2, major: 1, resolved: 1, closed: 0, calledBack: 1, dissatisfied: 1 });
    expect(f.repairs).toEqual({ registered: 3, done: 2, calledBack: 1 });
    const lines = figureLines(f);
    expect(lines[0]).toEqual({ section: "contacts", item: "total", value: 3 });
    expect(lines.find((l) => l.section === "byPurpose" && l.item === "certificate")?.value).toBe(0);
    expect(lines).toHaveLength(23);
  });

  it("an empty period is all zeros", () => {
    const f = tallyFigures({ contacts: [], complaintsReceived: [], complaintsResolved: 0, complaintsClosed: 0, callbacks: [], repairsRegistered: 0, repairsDone: 0 });
    expect(figureLines(f).every((l) => l.value === 0)).toBe(true);
  });
});
