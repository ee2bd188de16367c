import { getTranslations } from "next-intl/server";
import { api } from "@/server/api/server";
import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { ARCHIVE_KEEPERS, ARCHIVE_REGISTRARS } from "@/server/domain/archive/archive.policy";
import { maxUploadMb } from "@/server/domain/archive/attachment-store";
import { MAX_IMAGE_MEGAPIXELS } from "@/server/domain/archive/attachment-type";
import { formatShanghai } from "@/server/domain/time";
import { Card } from "@/components/ui/card";
import { AttachmentTable, type AttachmentRow } from "./attachment-table";
import { AttachmentUpload } from "./attachment-upload";

/**
 * 电子附件 of one archive record (rendered by the record page): the files with their checksums,
 * preview and download links, the upload area for registrars and keepers, and 校验 for keepers.
 * The list comes through the procedure, so its role and 机密 checks apply here too.
 */
export async function AttachmentsPanel({ recordId }: { recordId: string }) {
  const [t, user, caller] = await Promise.all([getTranslations("attachments"), currentUser(), api()]);
  const { record, rows } = await caller.archive.attachments.list({ recordId });
  const roles = user?.roles ?? [];
  const isDestroyed = record.status === "destroyed";
  const canUpload = hasAnyRole(roles, [...ARCHIVE_REGISTRARS, ...ARCHIVE_KEEPERS]) && !isDestroyed;
  const canVerify = hasAnyRole(roles, ARCHIVE_KEEPERS);

  const tableRows: AttachmentRow[] = rows.map((r) => ({
    id: r.id,
    fileName: r.fileName,
    mimeType: r.mimeType,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    uploadedByName: r.uploadedByName,
    uploadedAt: formatShanghai(r.uploadedAt),
    isPurged: r.purgedAt !== null,
  }));

  return (
    <Card title={<span>{t("title")}</span>} className="attachments-panel">
      <div className="space-y-3" data-testid="attachments-panel">
        <p className="text-xs text-slate-500">{t("subtitle")}</p>
        <AttachmentTable recordId={recordId} rows={tableRows} canVerify={canVerify} emptyText={canUpload ? t("empty") : t("emptyReadOnly")} />
        {canUpload ? <AttachmentUpload recordId={recordId} maxMb={maxUploadMb()} maxMp={MAX_IMAGE_MEGAPIXELS} /> : null}
        {isDestroyed ? <p className="text-xs text-slate-500">{t("destroyedNoUpload")}</p> : null}
      </div>
    </Card>
  );
}

export default AttachmentsPanel;
