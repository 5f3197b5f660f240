CREATE TABLE `instellingen` (
	`sleutel` text PRIMARY KEY NOT NULL,
	`waarde` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `overdrachten` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`van_id` text NOT NULL,
	`naar_id` text NOT NULL,
	`reden` text NOT NULL,
	`op` text NOT NULL,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`van_id`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`naar_id`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `overdrachten_gezin_idx` ON `overdrachten` (`gezin_id`);