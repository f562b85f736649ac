-- Ranged role rescores now compare one sample row per day and rewrite only rows their facts write marked pending
-- (issue 17). Rows queued before that marking existed could hold changed facts with an old score, so a ranged
-- role rescore still waiting in the queue becomes a whole-role rescore, which compares every row once.
UPDATE score_recompute_queue SET from_day = NULL, to_day = NULL WHERE kind = 'role' AND from_day IS NOT NULL;
