DROP INDEX `audit_log_gezin_idx`;--> statement-breakpoint
DROP INDEX `audit_log_user_idx`;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `apparaat` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_log_gezin_idx` ON `audit_log` (`gezin_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`,`at`);