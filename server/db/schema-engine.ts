import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's native schema engine cannot be downloaded here; its wasm build
// (@prisma/schema-engine-wasm, pinned to the engines version of prisma 7.10.0) does the same
// work through a driver adapter. Its main entry imports a .wasm module that Node 20 cannot
// load, so the glue module is imported directly and the wasm is instantiated by hand.

type EngineModule = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: {
    new: (options: { datamodels: [string, string][] | undefined }, log: (msg: string) => void, adapter: object) => Promise<SchemaEngine>;
  };
};

export type MigrationList = {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: { path: string; migrationFile: { path: string; content: { tag: "ok"; value: string } | { tag: "error"; value: string } } }[];
};

export type SchemaEngine = {
  applyMigrations(input: { migrationsList: MigrationList; filters: SchemaFilter }): Promise<{ appliedMigrationNames: string[] }>;
  diff(params: { from: unknown; to: unknown; script: boolean; shadowDatabaseUrl: string | null; exitCode: boolean | null; filters: SchemaFilter }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

type SchemaFilter = { externalTables: string[]; externalEnums: string[] };
export const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

// Resolved at run time from node_modules (the bundler must not rewrite these look-ups).
const resolveFromProject = createRequire(path.join(process.cwd(), "package.json")).resolve;
let loaded: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  loaded ??= (async () => {
    const gluePath = resolveFromProject("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ pathToFileURL(gluePath).href)) as EngineModule &
      Record<string, unknown>;
    const wasm = await WebAssembly.instantiate(fs.readFileSync(gluePath.replace(/\.js$/, ".wasm")), {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(wasm.instance.exports);
    (wasm.instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return loaded;
}

export const projectRoot = process.cwd();
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

export function readSchema(): [string, string] {
  return [schemaPath, fs.readFileSync(schemaPath, "utf8")];
}

export function readMigrationList(): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") } },
    })),
  };
}

export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const glue = await loadEngineModule();
  const log = (msg: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", msg);
  };
  const engine = await glue.SchemaEngine.new({ datamodels: [readSchema()] }, log, bindMigrationAwareSqlAdapterFactory(adapterFactory));
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withSchemaEngine(adapterFactory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: noFilter });
    return out.appliedMigrationNames;
  });
}
