CREATE TABLE `akkoorden` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`toewijzing_id` text NOT NULL,
	`aangevraagd_door` text NOT NULL,
	`aangevraagd_op` text NOT NULL,
	`reden` text NOT NULL,
	`beoordeeld_door` text,
	`beoordeeld_op` text,
	`besluit` text,
	`toelichting` text,
	FOREIGN KEY (`toewijzing_id`) REFERENCES `toewijzingen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`aangevraagd_door`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`beoordeeld_door`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `akkoorden_toewijzing_idx` ON `akkoorden` (`toewijzing_id`);--> statement-breakpoint
ALTER TABLE `teams` ADD `vier_ogen_drempel_cents` integer DEFAULT 2500000 NOT NULL;