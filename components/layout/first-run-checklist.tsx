import Link from "next/link";
import type { ChecklistStep } from "@/lib/services/onboarding/get-first-run-checklist";

/** "Get started": the admin's three first steps with their state in words; hidden once all are done. */
export function FirstRunChecklist({ steps }: { steps: ChecklistStep[] }) {
  const done = steps.filter((step) => step.isDone).length;
  if (done === steps.length) return null;
  return (
    <section className="card checklist" aria-labelledby="first-run-title" data-testid="first-run-checklist">
      <h2 id="first-run-title">Get started</h2>
      <p className="muted">
        {done} of {steps.length} steps done
      </p>
      <ol className="checklist__steps">
        {steps.map((step) => (
          <li key={step.key} className={step.isDone ? "checklist__step checklist__step--done" : "checklist__step"}>
            <span className="checklist__mark" aria-hidden="true">
              {step.isDone ? "✓" : ""}
            </span>
            <Link href={step.href}>{step.label}</Link>
            <span className="visually-hidden">{step.isDone ? " (done)" : " (to do)"}</span>
            <span className="checklist__state" aria-hidden="true">
              {step.isDone ? "Done" : "To do"}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
