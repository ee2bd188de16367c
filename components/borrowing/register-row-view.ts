import type { listRegister } from "@/server/domain/borrowing/register.service";
import { formatShanghai } from "@/server/domain/time";

type FullRow = Awaited<ReturnType<typeof listRegister>>["rows"][number];

/**
 * What a register row shows, as few bytes as it takes: the page data of a client row is these
 * fields, 50 times over. Times are sent as the Shanghai "yyyy-MM-dd HH:mm" the row prints (not as
 * Dates), and a field that is empty, zero or false is left out (an `undefined` would still be
 * sent, as "$undefined"). The full row also holds the login, comments, who lent and took back,
 * for the export.
 */
export type RegisterRowView = {
  id: string;
  requestNo: string;
  borrowType: FullRow["borrowType"];
  borrower: string;
  purpose: string;
  status: FullRow["status"];
  dueOn: string;
  requestedAt: string;
  overdueDays?: number;
  returnedLate?: true;
  renewalCount?: number;
  renewalPending?: true;
  approvedBy?: string;
  approvedAt?: string;
  secondApprovedBy?: string;
  secondApprovedAt?: string;
  rejectedBy?: string;
  rejectComment?: string;
  lentAt?: string;
  receivedAt?: string;
  returnedAt?: string;
  returnedIncomplete?: true;
  /** `title` left out: a 机密 title the reader may not see; `incomplete`: came back incomplete (`note`: what was missing). */
  records: { archiveNo: string; title?: string; incomplete?: true; note?: string }[];
};

/** The register catalogue's strings RegisterRows prints, handed to it as props. */
export const REGISTER_ROW_LABELS = ["secretTitle", "returnIncomplete", "returnedLate", "colRenewals", "renewalPending", "secondApprover", "awaitingSecond", "rejectedBy", "received", "notReceivedShort", "dueShort", "returnComplete"] as const;
export type RegisterRowLabels = Record<(typeof REGISTER_ROW_LABELS)[number], string>;

const at = (d: Date | null | undefined) => (d ? formatShanghai(d) : undefined);
/** Only the keys whose value is there. */
function present<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== false && v !== 0 && v !== "")) as T;
}

/** A full row cut to what RegisterRows shows. */
export const registerRowView = (r: FullRow): RegisterRowView =>
  present({
    id: r.id,
    requestNo: r.requestNo,
    borrowType: r.borrowType,
    borrower: r.borrower,
    purpose: r.purpose,
    status: r.status,
    dueOn: r.dueOn,
    requestedAt: formatShanghai(r.requestedAt),
    overdueDays: r.overdueDays,
    returnedLate: r.returnedLate || undefined,
    renewalCount: r.renewalCount,
    renewalPending: r.renewalPending || undefined,
    approvedBy: r.approvedBy ?? undefined,
    approvedAt: r.approvedBy ? at(r.approvedAt) : undefined,
    secondApprovedBy: r.secondApprovedBy ?? undefined,
    secondApprovedAt: r.secondApprovedBy ? at(r.secondApprovedAt) : undefined,
    rejectedBy: r.rejectedBy ?? undefined,
    rejectComment: r.rejectedBy ? (r.rejectComment ?? undefined) : undefined,
    lentAt: at(r.lentAt),
    receivedAt: r.lentAt ? at(r.receivedAt) : undefined,
    returnedAt: at(r.returnedAt),
    returnedIncomplete: (r.returnedAt && r.returnedState === "incomplete") || undefined,
    records: r.records.map((i) => present({ archiveNo: i.archiveNo, title: i.title ?? undefined, incomplete: i.returnCheck === "incomplete" || undefined, note: i.returnCheck === "incomplete" ? (i.returnNote ?? undefined) : undefined })),
  });
