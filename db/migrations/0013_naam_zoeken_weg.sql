-- Name search now runs over an in-memory index of the team's names (core/services/naam-index.ts);
-- the trigram indexes of migration 0004 only cost every insert and rename.
DROP TRIGGER IF EXISTS `gezinnen_zoek_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `gezinnen_zoek_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `gezinnen_zoek_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `gezinsleden_zoek_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `gezinsleden_zoek_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `gezinsleden_zoek_ad`;
--> statement-breakpoint
DROP TABLE IF EXISTS `gezinnen_zoek`;
--> statement-breakpoint
DROP TABLE IF EXISTS `gezinsleden_zoek`;
