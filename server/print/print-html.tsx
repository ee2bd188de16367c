import { createRequire } from "node:module";
import path from "node:path";
import type { ReactElement } from "react";
import { PrintDocuments, type PreparedDoc } from "./print-document";
import { printFontFaces } from "./print-fonts";
import type { PrintViewer } from "./print-form";

// The print page as one static HTML string, for Chromium's setContent: printing no longer sends
// Chromium back to this server for the page (issue 15 §3). Over HTTP every form cost a second
// render of the page by Next.js — root layout, the message catalogue, the RSC payload — on the
// same cores as Chromium, a second read of the records and the user, and Chromium parsing and
// loading all of that; under a burst that put the service 1.33× below Chromium's own floor.
// The same components as app/(print)/print/<form>/[id]/page.tsx, so the PDF is the page.

type StaticRenderer = { renderToStaticMarkup(element: ReactElement): string };
let renderer: StaticRenderer | undefined;

/**
 * Next.js bundles route handlers for React Server Components, where `react-dom/server` refuses to
 * load; a form is plain markup (no hooks, no context), so Node's own copy renders it. The name is
 * built at run time so that no bundler resolves it under the react-server condition.
 */
function staticRenderer(): StaticRenderer {
  renderer ??= createRequire(path.join(process.cwd(), "package.json"))(["react-dom", "server"].join("/")) as StaticRenderer;
  return renderer;
}

/**
 * One complete HTML document of these forms, as the print page renders them, for Chromium: with
 * its fonts cut down to the characters it holds (print-fonts.ts).
 */
export async function printHtml(docs: PreparedDoc[], viewer: PrintViewer, printedAt: Date): Promise<string> {
  const body = staticRenderer().renderToStaticMarkup(<PrintDocuments docs={docs} viewer={{ id: viewer.id, name: viewer.name, roles: viewer.roles }} printedAt={printedAt} />);
  const fonts = await printFontFaces(body);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${fonts}</style></head><body>${body}</body></html>`;
}
