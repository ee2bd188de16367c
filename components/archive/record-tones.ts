import type { Tone } from "@/components/ui/tag";

// Colours users know from the paper registers: 在库 green, 借出 blue, 已移出 amber, 已销毁 grey.
// Plain data, so server tags and client rows share it without pulling in a catalogue.
export const RECORD_STATUS_TONE = { in_store: "green", lent: "blue", transferred: "amber", destroyed: "grey" } as const satisfies Record<string, Tone>;
export const SECRECY_TONE = { public: "grey", internal: "blue", secret: "red" } as const satisfies Record<string, Tone>;
