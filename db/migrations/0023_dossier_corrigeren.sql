-- Records that can be corrected (issue 25): a correction with its reason per family, the history
-- of a visit note, goal scores per evaluation with the family's own mark, an evaluation held early
-- as an extra one, and the facts a professional looks up before a visit (contact, gezag, school,
-- huisarts, interpreter).
CREATE TABLE `correcties` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`op` text NOT NULL,
	`door_id` text,
	`onderdeel` text NOT NULL,
	`rij_id` text NOT NULL,
	`soort` text NOT NULL,
	`omschrijving` text NOT NULL,
	`reden` text NOT NULL,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`door_id`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `correcties_gezin_idx` ON `correcties` (`gezin_id`,`op`);--> statement-breakpoint
CREATE TABLE `doel_scores` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`evaluatie_id` text NOT NULL,
	`doel_id` text NOT NULL,
	`score` integer NOT NULL,
	`toelichting` text,
	FOREIGN KEY (`evaluatie_id`) REFERENCES `evaluaties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`doel_id`) REFERENCES `doelen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `doel_scores_evaluatie_idx` ON `doel_scores` (`evaluatie_id`);--> statement-breakpoint
CREATE INDEX `doel_scores_doel_idx` ON `doel_scores` (`doel_id`);--> statement-breakpoint
CREATE TABLE `gespreksverslag_versies` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`verslag_id` text NOT NULL,
	`datum` text NOT NULL,
	`aanwezig` text DEFAULT '[]' NOT NULL,
	`verslag` text NOT NULL,
	`koppelingen` text DEFAULT '[]' NOT NULL,
	`auteur_id` text,
	`vervangen_op` text NOT NULL,
	`vervangen_door` text,
	FOREIGN KEY (`verslag_id`) REFERENCES `gespreksverslagen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`auteur_id`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vervangen_door`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gespreksverslag_versies_verslag_idx` ON `gespreksverslag_versies` (`verslag_id`);--> statement-breakpoint
ALTER TABLE `evaluaties` ADD `cijfer_gezin` integer;--> statement-breakpoint
ALTER TABLE `evaluaties` ADD `extra` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `gezinnen` ADD `huisarts` text;--> statement-breakpoint
ALTER TABLE `gezinnen` ADD `gezag_toelichting` text;--> statement-breakpoint
ALTER TABLE `gezinnen` ADD `tolk_nodig` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `gezinnen` ADD `tolk_taal` text;--> statement-breakpoint
ALTER TABLE `gezinsleden` ADD `telefoon` text;--> statement-breakpoint
ALTER TABLE `gezinsleden` ADD `email` text;--> statement-breakpoint
ALTER TABLE `gezinsleden` ADD `gezag` integer;--> statement-breakpoint
ALTER TABLE `gezinsleden` ADD `school` text;