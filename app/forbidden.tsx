import type { Metadata } from "next";
import { MessagePage } from "@/components/layout/message-page";

export const metadata: Metadata = { title: "No access" };

// Only for pages a role can't open (lib/session.ts); a record outside the viewer's organization stays a 404.
export default function Forbidden() {
  return (
    <MessagePage title="You don't have access to this page">
      <p>Your role in your organization doesn&apos;t include it. Ask an admin of your organization if you need it.</p>
    </MessagePage>
  );
}
