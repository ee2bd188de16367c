import type { Db } from "../../db/client";
import { BOX_KEEPERS } from "../../domain/labels/labels.policy";
import { getLabelSheet, type LabelData } from "../../domain/labels/label-sheets.service";
import { labelSizeMm, paginateLabels, type TLabelGrid } from "../../domain/labels/label-grid";
import { portalBaseUrl } from "../print-config";
import { qrSvg } from "../qr";
import { definePrintForm, type PrintT } from "../print-form";

// 档案盒/卷标签 (issue 10 §3): A4 label stock, columns × rows with the sheet's margin and gaps. A
// label says what is in the box (档号 range, classes, buildings/units) and where it stands, and
// its QR code opens the box page (a folder's: the unit page) after sign-in.

type Label = LabelData & { qr: string; url: string };
type Sheet = Omit<Awaited<ReturnType<typeof getLabelSheet>>, "labels"> & { labels: Label[] };

/** Type scaled to the label: a 3×8 label (~33 mm high) is set smaller than a 2×5 one (~52 mm). */
function fontPt(heightMm: number): number {
  return heightMm >= 45 ? 10 : heightMm >= 32 ? 8 : 7;
}

function sheetCss(g: TLabelGrid): string {
  const { width, height } = labelSizeMm(g);
  const qr = Math.min(height - 4, width * 0.4, 30);
  // The page box is the label stock: the sheet's own margin replaces the forms' margins.
  return `
@page { size: A4; margin: ${g.marginMm}mm; }
.pf-sheet { font-family: "Noto Sans CJK SC", sans-serif; color: #000; }
.lb-page { display: grid; grid-template-columns: repeat(${g.columns}, ${width}mm); grid-auto-rows: ${height}mm; column-gap: ${g.gapMm}mm; row-gap: ${g.gapMm}mm; break-after: page; }
.pf-sheet:last-child .lb-page:last-child { break-after: auto; }
.lb-label { box-sizing: border-box; border: 0.4pt dashed #999; padding: 2mm; display: flex; gap: 2mm; overflow: hidden; font-size: ${fontPt(height)}pt; line-height: 1.3; }
.lb-text { flex: 1; min-width: 0; }
.lb-head { font-weight: 700; font-size: 1.35em; font-family: "Noto Sans Mono CJK SC", monospace; margin-bottom: 0.5mm; }
.lb-row { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.lb-row b { font-weight: 500; color: #333; }
.lb-qr { width: ${qr}mm; text-align: center; font-size: 6pt; }
.lb-qr svg { width: ${qr}mm; height: ${qr}mm; display: block; }
@media screen { .lb-page { width: ${210 - 2 * g.marginMm}mm; padding: ${g.marginMm}mm; box-sizing: content-box; background: #fff; margin: 12px auto; box-shadow: 0 1px 4px rgba(0,0,0,.2); } }
`;
}

function LabelBox({ l, t }: { l: Label; t: PrintT }) {
  const row = (k: string, v: string | number | null) =>
    v === null || v === "" ? null : (
      <div className="lb-row">
        <b>{k}：</b>
        {v}
      </div>
    );
  return (
    <div className="lb-label" data-label-link={l.url}>
      <div className="lb-text">
        <div className="lb-head">{l.heading}</div>
        {l.title && <div className="lb-row">{l.title}</div>}
        {row(t("print.forms.labels.archiveNos"), l.archiveNos ?? t("print.forms.labels.emptyBox"))}
        {row(t("print.forms.labels.classes"), l.classes)}
        {row(t("print.forms.labels.units"), l.units)}
        {row(t("print.forms.labels.location"), l.location)}
        {l.files !== null && row(t("print.forms.labels.files"), l.files)}
      </div>
      <figure className="lb-qr" style={{ margin: 0 }}>
        <span dangerouslySetInnerHTML={{ __html: l.qr }} />
        <figcaption>{t("print.forms.labels.scan")}</figcaption>
      </figure>
    </div>
  );
}

function LabelsBody({ doc: s, t }: { doc: Sheet; t: PrintT }) {
  const pages = paginateLabels(s.grid, s.labels);
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: sheetCss(s.grid) }} />
      {pages.map((labels, k) => (
        <div key={k} className="lb-page" data-label-page={k + 1}>
          {labels.map((l) => (
            <LabelBox key={l.id} l={l} t={t} />
          ))}
        </div>
      ))}
    </>
  );
}

export const labelsForm = definePrintForm<Sheet>({
  key: "labels",
  roles: BOX_KEEPERS,
  entity: "LabelSheet",
  sheet: true,
  async load(db: Db, _viewer, ids) {
    const base = portalBaseUrl();
    const out: Sheet[] = [];
    for (const id of ids) {
      const s = await getLabelSheet(db, id);
      const labels = await Promise.all(s.labels.map(async (l) => ({ ...l, url: `${base}${l.link}`, qr: await qrSvg(`${base}${l.link}`) })));
      out.push({ ...s, labels });
    }
    return out;
  },
  idOf: (s) => s.id,
  numberOf: (s) => s.sheetNo,
  titleOf: (s, t) => (s.kind === "box" ? t("print.forms.labels.titleBox") : t("print.forms.labels.titleFolder")),
  portalPath: () => "/archive/boxes",
  signatures: () => [],
  Body: LabelsBody,
  async recent(db, _viewer, limit, t) {
    const rows = await db.labelSheet.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, sheetNo: true, kind: true, targetIds: true, columns: true, rows: true, createdAt: true } });
    return rows.map((r) => ({
      id: r.id,
      number: r.sheetNo,
      label: t("print.forms.labels.candidate", {
        kind: r.kind === "box" ? t("print.forms.labels.titleBox") : t("print.forms.labels.titleFolder"),
        count: r.targetIds.length,
        grid: `${r.columns}×${r.rows}`,
      }),
      at: r.createdAt,
      state: "",
    }));
  },
});
