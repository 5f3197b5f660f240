CREATE TABLE `gezin_medewerkers` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`professional_id` text NOT NULL,
	`sinds` text NOT NULL,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`professional_id`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gezin_medewerkers_gezin_idx` ON `gezin_medewerkers` (`gezin_id`,`professional_id`);