-- The teams each period's SOJ import held lines for (issue 24): a month counts as having SOJ data only for those teams; existing imports are backfilled from their stored lines' teams.
ALTER TABLE `soj_imports` ADD `team_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
UPDATE `soj_imports` SET `team_ids` = (
  SELECT coalesce(json_group_array(`team_id`), '[]') FROM (
    SELECT DISTINCT r.`team_id` FROM `soj_regels` r
     WHERE r.`import_id` = `soj_imports`.`id` AND r.`deleted` = 0 AND r.`team_id` IS NOT NULL
     ORDER BY r.`team_id`));
