ALTER TABLE "call_day_entries" DROP CONSTRAINT "call_day_entries_call_fk";
--> statement-breakpoint
DROP INDEX "call_day_entries_call_idx";