// Volumes of a whole bench database. `production` is the volume of issue 15 (1M records, 1.1M
// clients, ~98k units, 200k complaints, 50k loans, 300k audit entries); `pglite` the same shape at
// 200k records, the largest a department should keep on the embedded database (bench/RESULTS.md).
export type Volumes = {
  clients: number; // the estate's own clients (owners of the units); records bring one client each on top
  projects: number;
  floors: number;
  unitsPerFloor: number;
  records: number;
  complaints: number;
  loans: number;
  contacts: number;
  employees: number; // bench staff with an appraisal history
  appraisalYears: number;
  audit: number;
  years: number; // complaints, loans, contacts and audit entries spread over the last `years` years
};

export const PRESETS = {
  production: { clients: 100_000, projects: 20, floors: 32, unitsPerFloor: 4, records: 1_000_000, complaints: 200_000, loans: 50_000, contacts: 150_000, employees: 200, appraisalYears: 4, audit: 300_000, years: 3 },
  pglite: { clients: 20_000, projects: 4, floors: 32, unitsPerFloor: 4, records: 200_000, complaints: 40_000, loans: 10_000, contacts: 30_000, employees: 40, appraisalYears: 4, audit: 60_000, years: 3 },
  small: { clients: 2_000, projects: 2, floors: 16, unitsPerFloor: 4, records: 10_000, complaints: 2_000, loans: 500, contacts: 1_000, employees: 5, appraisalYears: 2, audit: 3_000, years: 2 },
} satisfies Record<string, Volumes>;
export type PresetName = keyof typeof PRESETS;
