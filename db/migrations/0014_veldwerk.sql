CREATE TABLE `bezoeken` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`professional_id` text NOT NULL,
	`soort` text NOT NULL,
	`op` text NOT NULL,
	`duur_minuten` integer DEFAULT 60 NOT NULL,
	`onderwerp` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`professional_id`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bezoeken_gezin_idx` ON `bezoeken` (`gezin_id`);--> statement-breakpoint
CREATE INDEX `bezoeken_professional_op_idx` ON `bezoeken` (`professional_id`,`op`);--> statement-breakpoint
CREATE TABLE `gespreksverslagen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`datum` text NOT NULL,
	`aanwezig` text DEFAULT '[]' NOT NULL,
	`verslag` text NOT NULL,
	`koppelingen` text DEFAULT '[]' NOT NULL,
	`auteur_id` text,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`auteur_id`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gespreksverslagen_gezin_idx` ON `gespreksverslagen` (`gezin_id`,`datum`);--> statement-breakpoint
CREATE TABLE `handtekeningen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`plan_id` text NOT NULL,
	`versie` integer NOT NULL,
	`naam` text NOT NULL,
	`rol` text NOT NULL,
	`lijnen` text NOT NULL,
	`getekend_op` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `gezinsplannen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handtekeningen_plan_idx` ON `handtekeningen` (`plan_id`,`versie`);--> statement-breakpoint
CREATE TABLE `ingezette_voorzieningen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`actieplan_id` text NOT NULL,
	`voorziening_id` text NOT NULL,
	`op` text NOT NULL,
	FOREIGN KEY (`actieplan_id`) REFERENCES `actieplannen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voorziening_id`) REFERENCES `sociale_voorzieningen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ingezette_voorzieningen_actieplan_idx` ON `ingezette_voorzieningen` (`actieplan_id`);--> statement-breakpoint
CREATE TABLE `sociale_voorzieningen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gemeente_id` text NOT NULL,
	`naam` text NOT NULL,
	`soort` text NOT NULL,
	`aanbod` text NOT NULL,
	`contact` text NOT NULL,
	`gratis` integer NOT NULL,
	`actief` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`gemeente_id`) REFERENCES `gemeenten`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sociale_voorzieningen_gemeente_idx` ON `sociale_voorzieningen` (`gemeente_id`);