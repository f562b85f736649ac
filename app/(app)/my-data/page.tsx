import type { Metadata } from "next";
import { MyDataView } from "@/components/privacy/my-data-view";
import { getDb } from "@/db/client";
import { getMyData } from "@/lib/services/privacy/get-my-data";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "My data" };

export default async function MyDataPage() {
  const viewer = await requireViewer();
  const data = await getMyData(getDb(), viewer);
  return (
    <>
      <div className="page-header">
        <h1>My data</h1>
      </div>
      {data ? (
        <MyDataView data={data} />
      ) : (
        <section className="card">
          <p>Daymark has no employee record for your account ({viewer.email}), so it stores no calls or scores about you.</p>
        </section>
      )}
    </>
  );
}
