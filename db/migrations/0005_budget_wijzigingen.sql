CREATE TABLE `budget_wijzigingen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`team_id` text NOT NULL,
	`jaar` integer NOT NULL,
	`perceel` text,
	`oud_cents` integer,
	`nieuw_cents` integer NOT NULL,
	`toelichting` text NOT NULL,
	`door` text NOT NULL,
	`op` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`door`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_wijzigingen_team_jaar_idx` ON `budget_wijzigingen` (`team_id`,`jaar`);