import type { Job } from "./scheduler";

// The jobs the server runs on a timer; each module adds its own here.
export const JOBS: Job[] = [];
