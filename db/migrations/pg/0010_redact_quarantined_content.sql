-- Daymark stores metadata only (lib/integrations/dialpad/stored-payload.ts): records quarantined for failing
-- validation keep the same allowed fields as stored calls; a payload that is not a JSON object becomes null.
-- Rows quarantined before keep their raw_hash, so one seen again may start a new row.
UPDATE "quarantined_records" SET "raw" = CASE
  WHEN json_typeof("raw"::json) = 'object' THEN COALESCE((SELECT json_object_agg(f.key, CASE
      WHEN f.key IN ('contact', 'target', 'entry_point_target', 'proxy_target', 'transferred_from') THEN CASE WHEN json_typeof(f.value) = 'object' THEN COALESCE((SELECT json_object_agg(p.key, p.value) FROM json_each(f.value) AS p WHERE p.key IN ('id', 'type', 'name', 'phone', 'email', 'office_id')), '{}'::json) ELSE 'null'::json END
      WHEN f.key = 'recording_details' THEN CASE WHEN json_typeof(f.value) = 'array' THEN COALESCE((SELECT json_agg(COALESCE((SELECT json_object_agg(d.key, d.value) FROM json_each(r.value) AS d WHERE d.key IN ('id', 'recording_type', 'duration', 'start_time')), '{}'::json) ORDER BY r.ordinality) FROM json_array_elements(f.value) WITH ORDINALITY AS r(value, ordinality) WHERE json_typeof(r.value) = 'object'), '[]'::json) ELSE 'null'::json END
      ELSE f.value END)
    FROM json_each("quarantined_records"."raw"::json) AS f WHERE f.key IN ('call_id', 'master_call_id', 'entry_point_call_id', 'operator_call_id', 'direction', 'state', 'date_started', 'date_rang', 'date_first_rang', 'date_queued', 'date_connected', 'date_ended', 'event_timestamp', 'duration', 'total_duration', 'talk_time', 'hold_time', 'external_number', 'internal_number', 'selected_caller_id', 'contact', 'target', 'entry_point_target', 'proxy_target', 'transferred_from', 'group_id', 'is_transferred', 'was_recorded', 'is_internal', 'callback_requested', 'target_availability_status', 'labels', 'mos_score', 'voicemail_recording_id', 'call_recording_ids', 'recording_details')), '{}'::json)::text
  ELSE 'null' END;
