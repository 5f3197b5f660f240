CREATE TABLE `concepten` (
	`sleutel` text PRIMARY KEY NOT NULL,
	`gezin_id` text NOT NULL,
	`tekst` text NOT NULL,
	`bijgewerkt` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `concepten_gezin_idx` ON `concepten` (`gezin_id`);--> statement-breakpoint
-- A draft goes with its family (drizzle cannot declare triggers): when the family's row is deleted
-- here (the sync removes a family that moved to another team or was destroyed at the end of its
-- retention period), tombstoned, or closed, its drafts are removed in the same statement.
CREATE TRIGGER `concepten_gezin_weg` AFTER DELETE ON `gezinnen`
BEGIN
	DELETE FROM `concepten` WHERE `gezin_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `concepten_gezin_dicht` AFTER UPDATE OF `deleted`, `status` ON `gezinnen`
WHEN NEW.`deleted` = 1 OR NEW.`status` = 'afgesloten'
BEGIN
	DELETE FROM `concepten` WHERE `gezin_id` = NEW.`id`;
END;
