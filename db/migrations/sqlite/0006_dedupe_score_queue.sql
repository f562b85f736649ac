ALTER TABLE `score_recompute_queue` ADD `is_claimed` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `score_recompute_queue_calls_idx` ON `score_recompute_queue` (`organization_id`,`dialpad_user_id`,`from_ms`,`to_ms`) WHERE kind = 'calls' AND is_claimed = 0;
--> statement-breakpoint
-- Rows queued before this migration may repeat a span; they are drained all the same.
UPDATE `score_recompute_queue` SET `is_claimed` = 1;
--> statement-breakpoint
-- Hand-written below: the add_scores triggers now queue the whole UTC days a leg spans, and only
-- when no unclaimed row already holds that user and span, so a backfill page of a user's legs
-- costs an index probe per leg instead of a queue row per leg.
DROP TRIGGER `calls_score_queue_insert`;
--> statement-breakpoint
DROP TRIGGER `calls_score_queue_update`;
--> statement-breakpoint
DROP TRIGGER `calls_score_queue_delete`;
--> statement-breakpoint
CREATE TRIGGER `calls_score_queue_insert` AFTER INSERT ON `calls`
BEGIN
	INSERT INTO `score_recompute_queue` (`organization_id`, `kind`, `dialpad_user_id`, `from_ms`, `to_ms`)
	SELECT s.o, 'calls', s.u, s.f, s.t FROM (SELECT NEW.`organization_id` AS o, NEW.`dialpad_user_id` AS u,
		min(NEW.`started_at`, coalesce(NEW.`connected_at`, NEW.`started_at`)) / 86400000 * 86400000 AS f,
		max(NEW.`started_at`, coalesce(NEW.`ended_at`, NEW.`started_at`)) / 86400000 * 86400000 + 86399999 AS t) AS s
	WHERE s.u IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `score_recompute_queue` AS q
		WHERE q.`organization_id` = s.o AND q.`dialpad_user_id` = s.u AND q.`from_ms` = s.f AND q.`to_ms` = s.t
			AND q.`kind` = 'calls' AND q.`is_claimed` = 0);
END;
--> statement-breakpoint
CREATE TRIGGER `calls_score_queue_update` AFTER UPDATE ON `calls`
BEGIN
	INSERT INTO `score_recompute_queue` (`organization_id`, `kind`, `dialpad_user_id`, `from_ms`, `to_ms`)
	SELECT s.o, 'calls', s.u, s.f, s.t FROM (SELECT OLD.`organization_id` AS o, OLD.`dialpad_user_id` AS u,
		min(OLD.`started_at`, coalesce(OLD.`connected_at`, OLD.`started_at`)) / 86400000 * 86400000 AS f,
		max(OLD.`started_at`, coalesce(OLD.`ended_at`, OLD.`started_at`)) / 86400000 * 86400000 + 86399999 AS t) AS s
	WHERE s.u IS NOT NULL AND (
		NEW.`dialpad_user_id` IS NOT OLD.`dialpad_user_id` OR NEW.`started_at` IS NOT OLD.`started_at`
		OR NEW.`connected_at` IS NOT OLD.`connected_at` OR NEW.`ended_at` IS NOT OLD.`ended_at`) AND NOT EXISTS (SELECT 1 FROM `score_recompute_queue` AS q
		WHERE q.`organization_id` = s.o AND q.`dialpad_user_id` = s.u AND q.`from_ms` = s.f AND q.`to_ms` = s.t
			AND q.`kind` = 'calls' AND q.`is_claimed` = 0);
	INSERT INTO `score_recompute_queue` (`organization_id`, `kind`, `dialpad_user_id`, `from_ms`, `to_ms`)
	SELECT s.o, 'calls', s.u, s.f, s.t FROM (SELECT NEW.`organization_id` AS o, NEW.`dialpad_user_id` AS u,
		min(NEW.`started_at`, coalesce(NEW.`connected_at`, NEW.`started_at`)) / 86400000 * 86400000 AS f,
		max(NEW.`started_at`, coalesce(NEW.`ended_at`, NEW.`started_at`)) / 86400000 * 86400000 + 86399999 AS t) AS s
	WHERE s.u IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `score_recompute_queue` AS q
		WHERE q.`organization_id` = s.o AND q.`dialpad_user_id` = s.u AND q.`from_ms` = s.f AND q.`to_ms` = s.t
			AND q.`kind` = 'calls' AND q.`is_claimed` = 0);
END;
--> statement-breakpoint
CREATE TRIGGER `calls_score_queue_delete` AFTER DELETE ON `calls`
BEGIN
	INSERT INTO `score_recompute_queue` (`organization_id`, `kind`, `dialpad_user_id`, `from_ms`, `to_ms`)
	SELECT s.o, 'calls', s.u, s.f, s.t FROM (SELECT OLD.`organization_id` AS o, OLD.`dialpad_user_id` AS u,
		min(OLD.`started_at`, coalesce(OLD.`connected_at`, OLD.`started_at`)) / 86400000 * 86400000 AS f,
		max(OLD.`started_at`, coalesce(OLD.`ended_at`, OLD.`started_at`)) / 86400000 * 86400000 + 86399999 AS t) AS s
	WHERE s.u IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `score_recompute_queue` AS q
		WHERE q.`organization_id` = s.o AND q.`dialpad_user_id` = s.u AND q.`from_ms` = s.f AND q.`to_ms` = s.t
			AND q.`kind` = 'calls' AND q.`is_claimed` = 0);
END;
