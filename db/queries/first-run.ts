// The first-run checklist's facts: is anyone mapped to a Dialpad user, and has any day been scored.
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dailyScores, employeeDialpadLinks } from "@/db/schema";

export async function getFirstRunFacts(db: Db, organizationId: number): Promise<{ hasMappedEmployee: boolean; hasScoredDay: boolean }> {
  const [mapped, scored] = await Promise.all([
    db
      .select({ employeeId: employeeDialpadLinks.employeeId })
      .from(employeeDialpadLinks)
      .where(and(eq(employeeDialpadLinks.organizationId, organizationId), isNotNull(employeeDialpadLinks.dialpadUserId)))
      .limit(1),
    db.select({ employeeId: dailyScores.employeeId }).from(dailyScores).where(eq(dailyScores.organizationId, organizationId)).limit(1),
  ]);
  return { hasMappedEmployee: mapped.length > 0, hasScoredDay: scored.length > 0 };
}
