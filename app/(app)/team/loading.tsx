import { TeamSkeleton } from "@/components/team/team-skeleton";

// Shown at once when the day, sort or page changes while the server reads the team.
export default function TeamLoading() {
  return <TeamSkeleton />;
}
