CREATE TABLE `doorgestuurde_teksten` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`waar` text NOT NULL,
	`tekst` text NOT NULL,
	`auteur_id` text,
	`geschreven_op` text NOT NULL,
	`afgehandeld` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`auteur_id`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `doorgestuurde_teksten_gezin_idx` ON `doorgestuurde_teksten` (`gezin_id`);--> statement-breakpoint
DROP INDEX `gezinsplan_versies_plan_versie_uq`;--> statement-breakpoint
CREATE INDEX `gezinsplan_versies_plan_idx` ON `gezinsplan_versies` (`plan_id`,`versie`);--> statement-breakpoint
ALTER TABLE `gezinsplannen` ADD `toestemming_versie_id` text;--> statement-breakpoint
ALTER TABLE `handtekeningen` ADD `versie_id` text;--> statement-breakpoint
ALTER TABLE `sync_registers` ADD `quarantaine` text;--> statement-breakpoint
CREATE INDEX `sync_registers_quarantaine_idx` ON `sync_registers` (`quarantaine`) WHERE quarantaine IS NOT NULL;