ALTER TABLE "score_recompute_queue" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_recompute_queue" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "score_recompute_queue" ADD COLUMN "next_attempt_at" bigint;--> statement-breakpoint
ALTER TABLE "score_recompute_queue" ADD COLUMN "failed_at" bigint;--> statement-breakpoint
ALTER TABLE "score_recompute_queue" ADD COLUMN "batch_id" text;--> statement-breakpoint
ALTER TABLE "score_recompute_queue" ADD COLUMN "batch_total" integer;--> statement-breakpoint
ALTER TABLE "score_recompute_queue" ADD COLUMN "batch_unit" text;--> statement-breakpoint
CREATE INDEX "score_recompute_queue_batch_idx" ON "score_recompute_queue" USING btree ("organization_id","batch_id") WHERE batch_id IS NOT NULL;