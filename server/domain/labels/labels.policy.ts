import type { Role } from "../../auth/roles";
import { ARCHIVE_KEEPERS, ARCHIVE_READERS } from "../archive/archive.policy";

// Boxes are part of 档案管理: whoever reads the archive may open a box (a label's QR code), and
// sees its files through the archive's 机密 rule. The archivist keeps the room: creates boxes,
// prints labels and takes stock; the manager reads the stock-takes (DOMAIN §1).
export const BOX_READERS: readonly Role[] = ARCHIVE_READERS;
export const BOX_KEEPERS: readonly Role[] = ARCHIVE_KEEPERS;
export const STOCKTAKE_READERS: readonly Role[] = [...ARCHIVE_KEEPERS, "manager"];
