import type { Tone } from "@/components/ui/tag";

// Shared by the server tags and the client rows (which cannot import next-intl/server).
export const STATUS_TONE: Record<"draft" | "scored" | "confirmed" | "finalised", Tone> = { draft: "grey", scored: "amber", confirmed: "blue", finalised: "green" };
