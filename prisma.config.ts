import { defineConfig } from "prisma/config";

// The CLI is used only for `generate`; migrations run through scripts/db-migrate.ts
// (the wasm schema engine), because Prisma's native engine cannot be downloaded here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
