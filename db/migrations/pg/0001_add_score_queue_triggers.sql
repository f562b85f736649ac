-- Hand-written: the same score-queue triggers as SQLite's (sqlite/0006_dedupe_score_queue.sql). A changed
-- leg queues the whole UTC days it spans for its Dialpad user, in the transaction that changed it,
-- unless an unclaimed row already holds that user and span.
CREATE FUNCTION daymark_queue_call_days(o integer, u text, started bigint, connected bigint, ended bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	f bigint := least(started, coalesce(connected, started)) / 86400000 * 86400000;
	t bigint := greatest(started, coalesce(ended, started)) / 86400000 * 86400000 + 86399999;
BEGIN
	IF u IS NULL THEN
		RETURN;
	END IF;
	INSERT INTO score_recompute_queue (organization_id, kind, dialpad_user_id, from_ms, to_ms)
	SELECT o, 'calls', u, f, t
	WHERE NOT EXISTS (SELECT 1 FROM score_recompute_queue AS q
		WHERE q.organization_id = o AND q.dialpad_user_id = u AND q.from_ms = f AND q.to_ms = t
			AND q.kind = 'calls' AND q.is_claimed = false);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION daymark_calls_score_queue() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (NEW.dialpad_user_id IS DISTINCT FROM OLD.dialpad_user_id
		OR NEW.started_at IS DISTINCT FROM OLD.started_at OR NEW.connected_at IS DISTINCT FROM OLD.connected_at
		OR NEW.ended_at IS DISTINCT FROM OLD.ended_at)) THEN
		PERFORM daymark_queue_call_days(OLD.organization_id, OLD.dialpad_user_id, OLD.started_at, OLD.connected_at, OLD.ended_at);
	END IF;
	IF TG_OP <> 'DELETE' THEN
		PERFORM daymark_queue_call_days(NEW.organization_id, NEW.dialpad_user_id, NEW.started_at, NEW.connected_at, NEW.ended_at);
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER calls_score_queue_insert AFTER INSERT ON calls FOR EACH ROW EXECUTE FUNCTION daymark_calls_score_queue();
--> statement-breakpoint
CREATE TRIGGER calls_score_queue_update AFTER UPDATE ON calls FOR EACH ROW EXECUTE FUNCTION daymark_calls_score_queue();
--> statement-breakpoint
CREATE TRIGGER calls_score_queue_delete AFTER DELETE ON calls FOR EACH ROW EXECUTE FUNCTION daymark_calls_score_queue();
