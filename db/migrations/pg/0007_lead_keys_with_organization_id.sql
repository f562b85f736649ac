ALTER TABLE "employees" DROP CONSTRAINT "employees_manager_id_employees_id_fk";
--> statement-breakpoint
ALTER TABLE "employee_dialpad_links" DROP CONSTRAINT "employee_dialpad_links_employee_id_employees_id_fk";
--> statement-breakpoint
ALTER TABLE "mapping_events" DROP CONSTRAINT "mapping_events_employee_id_employees_id_fk";
--> statement-breakpoint
ALTER TABLE "quarantined_records" DROP CONSTRAINT "quarantined_records_sync_run_id_sync_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "call_day_entries" DROP CONSTRAINT "call_day_entries_employee_id_employees_id_fk";
--> statement-breakpoint
ALTER TABLE "call_day_entries" DROP CONSTRAINT "call_day_entries_call_id_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "daily_scores" DROP CONSTRAINT "daily_scores_employee_id_employees_id_fk";
--> statement-breakpoint
DROP INDEX "call_day_entries_uq";--> statement-breakpoint
DROP INDEX "call_day_entries_call_idx";--> statement-breakpoint
DROP INDEX "daily_scores_employee_day_uq";--> statement-breakpoint
ALTER TABLE "employees" DROP CONSTRAINT "employees_pkey";--> statement-breakpoint
ALTER TABLE "dialpad_connections" DROP CONSTRAINT "dialpad_connections_pkey";--> statement-breakpoint
ALTER TABLE "oauth_states" DROP CONSTRAINT "oauth_states_pkey";--> statement-breakpoint
ALTER TABLE "calls" DROP CONSTRAINT "calls_pkey";--> statement-breakpoint
ALTER TABLE "dialpad_users" DROP CONSTRAINT "dialpad_users_pkey";--> statement-breakpoint
ALTER TABLE "employee_dialpad_links" DROP CONSTRAINT "employee_dialpad_links_pkey";--> statement-breakpoint
ALTER TABLE "mapping_events" DROP CONSTRAINT "mapping_events_pkey";--> statement-breakpoint
ALTER TABLE "quarantined_records" DROP CONSTRAINT "quarantined_records_pkey";--> statement-breakpoint
ALTER TABLE "sync_runs" DROP CONSTRAINT "sync_runs_pkey";--> statement-breakpoint
ALTER TABLE "webhook_inbox" DROP CONSTRAINT "webhook_inbox_pkey";--> statement-breakpoint
ALTER TABLE "call_day_entries" DROP CONSTRAINT "call_day_entries_pkey";--> statement-breakpoint
ALTER TABLE "daily_scores" DROP CONSTRAINT "daily_scores_pkey";--> statement-breakpoint
ALTER TABLE "score_recompute_queue" DROP CONSTRAINT "score_recompute_queue_pkey";--> statement-breakpoint
ALTER TABLE "score_settings" DROP CONSTRAINT "score_settings_pkey";--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey";--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "dialpad_connections" ADD CONSTRAINT "dialpad_connections_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_pkey" PRIMARY KEY("organization_id","state_hash");--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "dialpad_users" ADD CONSTRAINT "dialpad_users_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "employee_dialpad_links" ADD CONSTRAINT "employee_dialpad_links_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "mapping_events" ADD CONSTRAINT "mapping_events_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "quarantined_records" ADD CONSTRAINT "quarantined_records_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "webhook_inbox" ADD CONSTRAINT "webhook_inbox_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "call_day_entries" ADD CONSTRAINT "call_day_entries_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "daily_scores" ADD CONSTRAINT "daily_scores_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "score_recompute_queue" ADD CONSTRAINT "score_recompute_queue_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "score_settings" ADD CONSTRAINT "score_settings_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_pkey" PRIMARY KEY("organization_id","id");--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_manager_fk" FOREIGN KEY ("organization_id","manager_id") REFERENCES "public"."employees"("organization_id","id") ON DELETE SET NULL ("manager_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_dialpad_links" ADD CONSTRAINT "employee_dialpad_links_employee_fk" FOREIGN KEY ("organization_id","employee_id") REFERENCES "public"."employees"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_events" ADD CONSTRAINT "mapping_events_employee_fk" FOREIGN KEY ("organization_id","employee_id") REFERENCES "public"."employees"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantined_records" ADD CONSTRAINT "quarantined_records_sync_run_fk" FOREIGN KEY ("organization_id","sync_run_id") REFERENCES "public"."sync_runs"("organization_id","id") ON DELETE SET NULL ("sync_run_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_day_entries" ADD CONSTRAINT "call_day_entries_employee_fk" FOREIGN KEY ("organization_id","employee_id") REFERENCES "public"."employees"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_day_entries" ADD CONSTRAINT "call_day_entries_call_fk" FOREIGN KEY ("organization_id","call_id") REFERENCES "public"."calls"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_scores" ADD CONSTRAINT "daily_scores_employee_fk" FOREIGN KEY ("organization_id","employee_id") REFERENCES "public"."employees"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_day_entries_uq" ON "call_day_entries" USING btree ("organization_id","employee_id","day_key","call_id");--> statement-breakpoint
CREATE INDEX "call_day_entries_call_idx" ON "call_day_entries" USING btree ("organization_id","call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_scores_employee_day_uq" ON "daily_scores" USING btree ("organization_id","employee_id","day_key");