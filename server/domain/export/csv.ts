// The one CSV writer of every export (registers, statistics, appraisal tables, contact reports).
// RFC 4180 with CRLF and a UTF-8 BOM, so Excel and WPS in China open it as UTF-8, not GBK.

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab / CR) gets a leading
 * apostrophe (CSV injection, ASVS 1.2.10): names, purposes and notes are typed by users. A plain
 * number such as -2 (a penalty) stays a number.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
}

function csvCell(value: string | number): string {
  const v = neutraliseFormula(String(value));
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The table as CSV text, BOM first. */
export function csvText(table: readonly (readonly (string | number)[])[]): string {
  return "\uFEFF" + table.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
