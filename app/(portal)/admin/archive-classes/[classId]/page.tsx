import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { CLASS_ADMINS } from "@/server/domain/archive/archive.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Tag } from "@/components/ui/tag";
import { ClassActiveToggle, EditClassForm } from "@/components/archive/class-forms";
import { AddChecklistItemForm, ChecklistItemRow } from "@/components/archive/checklist-forms";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).archive.records.getClass({ classId: id }));

export async function generateMetadata({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  return recordTitle("archiveClass", async () => { const x = await load(classId); return x.name; });
}

async function ArchiveClassPage({ params }: { params: Promise<{ classId: string }> }) {
  await requireRoles(CLASS_ADMINS);
  const { classId } = await params;
  const cls = await orNotFound(load(classId));
  const [t, tc, tn] = await Promise.all([getTranslations("archive"), getTranslations("common"), getTranslations("nav")]);
  const nextOrder = Math.max(0, ...cls.checklist.map((i) => i.sortOrder)) + 1;
  return (
    <>
      <PageHeader
        crumbs={
          <>
            {tn("admin")} / <Link href="/admin/archive-classes" className="hover:underline">{tn("archiveClasses")}</Link>
          </>
        }
        title={
          <span className="flex items-center gap-3">
            {cls.name}
            <span className="font-mono text-sm font-normal text-slate-500">{cls.code}</span>
            {cls.isActive ? <Tag tone="green">{t("classActive")}</Tag> : <Tag>{tc("inactive")}</Tag>}
          </span>
        }
        actions={<ClassActiveToggle cls={cls} />}
      />
      <div className="grid gap-4 xl:grid-cols-[22rem_1fr]">
        <Card title={t("editClass")}>
          <EditClassForm cls={cls} />
        </Card>
        <Card title={`${t("checklist")}（${cls.checklist.filter((i) => i.isActive).length}）`}>
          <p className="mb-3 text-xs text-slate-500">{t("checklistHint")}</p>
          <AddChecklistItemForm classId={cls.id} nextOrder={nextOrder} />
          {cls.checklist.length > 0 && (
            <div aria-hidden className="mt-4 grid gap-2 text-xs font-semibold text-slate-500 sm:grid-cols-[4rem_1fr_6rem_9rem_auto]">
              <span>{t("sortOrder")}</span>
              <span>{t("itemName")}</span>
              <span>{t("requiredCount")}</span>
              <span>{t("condition")}</span>
              <span className="w-32" />
            </div>
          )}
          <div className="divide-y divide-slate-100" data-testid="checklist">
            {cls.checklist.length === 0 ? <EmptyState>{t("noItems")}</EmptyState> : cls.checklist.map((item) => <ChecklistItemRow key={item.id} item={item} />)}
          </div>
        </Card>
      </div>
    </>
  );
}

export default withClientMessages(["archive"], ArchiveClassPage);
