import type { Metadata } from "next";
import Link from "next/link";
import { z } from "@/lib/zod";
import { RoleSettingsForm } from "@/components/scoring/role-settings-form";
import { RoleSettingsTable } from "@/components/scoring/role-settings-table";
import { getDb } from "@/db/client";
import { describeScoringMethod } from "@/lib/scoring/explain";
import { listRoleScoreSettings } from "@/lib/services/scores/score-settings";
import { requireViewer } from "@/lib/session";
import { resetRoleScoreSettingsAction, updateScoreSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Scoring" };

type ScoringPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// ?role=<role> opens that role's form; an empty value is the default role.
const searchSchema = z.object({ role: z.string().max(120).optional().catch(undefined) });

export default async function ScoringSettingsPage({ searchParams }: ScoringPageProps) {
  const viewer = await requireViewer({ roles: ["admin"] });
  const { role } = searchSchema.parse(await searchParams);
  const roles = await listRoleScoreSettings(getDb(), viewer);
  const selected = role === undefined ? undefined : roles.find((r) => r.role === role);
  return (
    <>
      <section className="card" aria-labelledby="scoring-heading">
        <h2 id="scoring-heading">Scoring</h2>
        <p className="muted">
          A role is an employee&apos;s title. Each role weighs talk time and connected calls from 0 to 5; the default
          targets are the baseline until the role has 5 active days in the last 28. Roles without their own settings
          use the default role&apos;s. Saving rescores every stored day of the role.
        </p>
        <RoleSettingsTable roles={roles} selectedRole={selected?.role} />
      </section>
      {role !== undefined ? (
        <section className="card" aria-labelledby="role-form-heading">
          <h2 id="role-form-heading">{selected ? `Settings for ${selected.label}` : "Role not found"}</h2>
          {selected ? (
            <RoleSettingsForm role={selected} saveAction={updateScoreSettingsAction} resetAction={resetRoleScoreSettingsAction} />
          ) : (
            <p>
              No employee has that title. <Link href="/settings/scoring">Back to all roles</Link>
            </p>
          )}
        </section>
      ) : null}
      <section className="card" aria-labelledby="method-heading">
        <h2 id="method-heading">How scores are calculated</h2>
        <ul>
          {describeScoringMethod().map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
