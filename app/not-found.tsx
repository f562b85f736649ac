import type { Metadata } from "next";
import { MessagePage } from "@/components/layout/message-page";

export const metadata: Metadata = { title: "Page not found" };

// Also shown for records outside the viewer's organization or scope, so their existence is not revealed.
export default function NotFound() {
  return (
    <MessagePage title="Page not found">
      <p>This page doesn&apos;t exist, or you don&apos;t have access to it.</p>
    </MessagePage>
  );
}
