/** Floor 12, unit 3 → "1203"; floors below 10 are zero-padded so numbers sort in shelving order. */
export function unitNumber(floor: number, index: number): string {
  return `${String(floor).padStart(2, "0")}${String(index).padStart(2, "0")}`;
}

export function generateUnitNumbers(fromFloor: number, toFloor: number, unitsPerFloor: number): { number: string; floor: number }[] {
  const out: { number: string; floor: number }[] = [];
  for (let floor = fromFloor; floor <= toFloor; floor++) {
    for (let i = 1; i <= unitsPerFloor; i++) out.push({ number: unitNumber(floor, i), floor });
  }
  return out;
}
