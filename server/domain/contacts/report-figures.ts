import { CONTACT_CHANNELS, CONTACT_PURPOSES } from "./contacts.schema";

// The figures of a 客户来电来访情况 report (000 §13, DOMAIN §3 §6): calls and visits by channel and
// purpose with their follow-ups, and the complaints, callbacks and repairs of the same period.
// Counted here from plain rows so the rules are unit-tested; the service fetches the rows.

export type ContactRow = { channel: string; purpose: string; followUpNeeded: boolean; followUpDoneAt: Date | null; complaintId: string | null; repairId: string | null; voidedAt: Date | null };
export type ComplaintRow = { severity: string };
export type CallbackRow = { satisfaction: string; isComplaint: boolean };

export type ReportFigures = {
  contacts: {
    total: number;
    byChannel: Record<(typeof CONTACT_CHANNELS)[number], number>;
    byPurpose: Record<(typeof CONTACT_PURPOSES)[number], number>;
    followUpNeeded: number;
    followUpDone: number;
    followUpOpen: number;
    toComplaint: number;
    toRepair: number;
    /** Voided entries of the period: not counted above, shown so the figures can be reconciled with the register. */
    voided: number;
  };
  complaints: { received: number; major: number; resolved: number; closed: number; calledBack: number; dissatisfied: number };
  repairs: { registered: number; done: number; calledBack: number };
};

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function tallyFigures(input: {
  contacts: readonly ContactRow[];
  complaintsReceived: readonly ComplaintRow[];
  complaintsResolved: number;
  complaintsClosed: number;
  callbacks: readonly CallbackRow[];
  repairsRegistered: number;
  repairsDone: number;
}): ReportFigures {
  const c: ReportFigures["contacts"] = { total: 0, byChannel: zeros(CONTACT_CHANNELS), byPurpose: zeros(CONTACT_PURPOSES), followUpNeeded: 0, followUpDone: 0, followUpOpen: 0, toComplaint: 0, toRepair: 0, voided: 0 };
  for (const row of input.contacts) {
    if (row.voidedAt) {
      c.voided++;
      continue;
    }
    c.total++;
    if (row.channel in c.byChannel) c.byChannel[row.channel as keyof typeof c.byChannel]++;
    if (row.purpose in c.byPurpose) c.byPurpose[row.purpose as keyof typeof c.byPurpose]++;
    if (row.followUpNeeded) {
      c.followUpNeeded++;
      if (row.followUpDoneAt) c.followUpDone++;
      else c.followUpOpen++;
    }
    if (row.complaintId) c.toComplaint++;
    if (row.repairId) c.toRepair++;
  }
  const complaintCallbacks = input.callbacks.filter((b) => b.isComplaint);
  return {
    contacts: c,
    complaints: {
      received: input.complaintsReceived.length,
      major: input.complaintsReceived.filter((x) => x.severity === "major").length,
      resolved: input.complaintsResolved,
      closed: input.complaintsClosed,
      calledBack: complaintCallbacks.length,
      dissatisfied: complaintCallbacks.filter((b) => b.satisfaction === "dissatisfied").length,
    },
    repairs: { registered: input.repairsRegistered, done: input.repairsDone, calledBack: input.callbacks.length - complaintCallbacks.length },
  };
}

/** The rows of the printed and exported table: [section, item, value], in a fixed order. */
export type FigureLine = { section: "contacts" | "byChannel" | "byPurpose" | "complaints" | "repairs"; item: string; value: number };

export function figureLines(f: ReportFigures): FigureLine[] {
  return [
    { section: "contacts", item: "total", value: f.contacts.total },
    ...CONTACT_CHANNELS.map((k) => ({ section: "byChannel" as const, item: k, value: f.contacts.byChannel[k] })),
    ...CONTACT_PURPOSES.map((k) => ({ section: "byPurpose" as const, item: k, value: f.contacts.byPurpose[k] })),
    { section: "contacts", item: "followUpNeeded", value: f.contacts.followUpNeeded },
    { section: "contacts", item: "followUpDone", value: f.contacts.followUpDone },
    { section: "contacts", item: "followUpOpen", value: f.contacts.followUpOpen },
    { section: "contacts", item: "toComplaint", value: f.contacts.toComplaint },
    { section: "contacts", item: "toRepair", value: f.contacts.toRepair },
    { section: "contacts", item: "voided", value: f.contacts.voided },
    { section: "complaints", item: "received", value: f.complaints.received },
    { section: "complaints", item: "major", value: f.complaints.major },
    { section: "complaints", item: "resolved", value: f.complaints.resolved },
    { section: "complaints", item: "closed", value: f.complaints.closed },
    { section: "complaints", item: "calledBack", value: f.complaints.calledBack },
    { section: "complaints", item: "dissatisfied", value: f.complaints.dissatisfied },
    { section: "repairs", item: "registered", value: f.repairs.registered },
    { section: "repairs", item: "done", value: f.repairs.done },
    { section: "repairs", item: "calledBack", value: f.repairs.calledBack },
  ];
}
