import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { qrSvg } from "@/server/print/qr";
import { portalBaseUrl } from "@/server/print/print-config";

/**
 * The unit's QR code for stickers on the folder or the door card: it opens this page. It points
 * where the printed labels point (PORTAL_BASE_URL) when that is set, else to the host this browser
 * used to reach the portal, so a phone on the same network can open it.
 */
export async function UnitQr({ unitId }: { unitId: string }) {
  const t = await getTranslations("units");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  const base = process.env.PORTAL_BASE_URL ? portalBaseUrl() : `${proto}://${host}`;
  const url = `${base}/units/${unitId}`;
  const svg = await qrSvg(url);
  return (
    <figure className="flex items-center gap-2" data-testid="unit-qr">
      <div className="h-20 w-20 rounded bg-white p-1 ring-1 ring-slate-200" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="max-w-[9rem] text-xs text-slate-500">
        {t("qrCaption")}
        <span className="block break-all font-mono text-[10px] text-slate-400">{`/units/${unitId}`}</span>
      </figcaption>
    </figure>
  );
}
