import type { APIRequestContext } from "@playwright/test";

/** Rows of a page's tables (<tr> inside <tbody>) plus items of its lists marked data-row. */
export function rowsOf(html: string): number {
  let rows = 0;
  for (const m of html.matchAll(/<tbody[\s\S]*?<\/tbody>/g)) rows += (m[0].match(/<tr[\s>]/g) ?? []).length;
  return rows + (html.match(/\sdata-row[=\s>]/g) ?? []).length;
}

/**
 * A page's HTML (which carries the page data inline) and its RSC payload, the request a
 * client-side navigation makes (Next 16 first redirects `RSC: 1` requests to `?_rsc=`).
 */
export async function weigh(request: APIRequestContext, path: string) {
  const page = await request.get(path, { maxRedirects: 0 });
  const html = await page.text();
  const rsc = await request.get(path, { headers: { RSC: "1" } });
  return { status: page.status(), html: Buffer.byteLength(html), rsc: (await rsc.body()).length, rscStatus: rsc.status(), rows: rowsOf(html) };
}
