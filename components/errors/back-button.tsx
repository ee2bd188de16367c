"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** 返回上一页: the browser's history; a page opened in a new tab has none, so it goes home then. */
export function BackButton() {
  const t = useTranslations("common.errorPage");
  return (
    <Button
      variant="secondary"
      onClick={() => {
        if (window.history.length > 1) window.history.back();
        else window.location.assign("/");
      }}
    >
      {t("backPrevious")}
    </Button>
  );
}
