import { DaySkeleton } from "@/components/day/day-skeleton";

// Shown at once when the day changes (or the page first opens) while the server reads the day.
export default function EmployeeDayLoading() {
  return <DaySkeleton />;
}
