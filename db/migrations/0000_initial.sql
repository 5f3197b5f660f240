CREATE TABLE `aanbieders` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`naam` text NOT NULL,
	`agb_code` text NOT NULL,
	`plaats` text NOT NULL,
	`budgetplafond_cents` integer NOT NULL,
	`clientenstop` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aanbieders_agb_code_unique` ON `aanbieders` (`agb_code`);--> statement-breakpoint
CREATE TABLE `actieplannen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`jeugdige_id` text NOT NULL,
	`hulpvraag` text NOT NULL,
	`problemen` text DEFAULT '' NOT NULL,
	`verwijzer` text NOT NULL,
	`eigen_kracht` text,
	`netwerk` text,
	`voorliggend` text,
	`triage_uitkomst` text,
	`jeugdhulp_nodig` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`geopend_op` text NOT NULL,
	`afgerond_op` text,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`jeugdige_id`) REFERENCES `gezinsleden`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actieplannen_gezin_idx` ON `actieplannen` (`gezin_id`);--> statement-breakpoint
CREATE TABLE `afspraken` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`plan_id` text NOT NULL,
	`wat` text NOT NULL,
	`wie` text NOT NULL,
	`uiterlijk` text,
	`status` text DEFAULT 'open' NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `gezinsplannen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `afspraken_plan_idx` ON `afspraken` (`plan_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text NOT NULL,
	`namens_id` text,
	`actie` text NOT NULL,
	`gezin_id` text,
	`onderdeel` text NOT NULL,
	`reden` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_id_unique` ON `audit_log` (`id`);--> statement-breakpoint
CREATE INDEX `audit_log_gezin_idx` ON `audit_log` (`gezin_id`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE TABLE `contracten` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`aanbieder_id` text NOT NULL,
	`perceel` text NOT NULL,
	`zorgprofiel` text NOT NULL,
	`geldig_van` text NOT NULL,
	`geldig_tot` text,
	FOREIGN KEY (`aanbieder_id`) REFERENCES `aanbieders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contracten_aanbieder_idx` ON `contracten` (`aanbieder_id`);--> statement-breakpoint
CREATE INDEX `contracten_perceel_profiel_idx` ON `contracten` (`perceel`,`zorgprofiel`);--> statement-breakpoint
CREATE TABLE `doelen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`actieplan_id` text NOT NULL,
	`omschrijving` text NOT NULL,
	`meetbaar` text NOT NULL,
	`uiterlijk` text NOT NULL,
	`resultaat` text DEFAULT 'open' NOT NULL,
	FOREIGN KEY (`actieplan_id`) REFERENCES `actieplannen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `doelen_actieplan_idx` ON `doelen` (`actieplan_id`);--> statement-breakpoint
CREATE TABLE `evaluaties` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`toewijzing_id` text NOT NULL,
	`gepland_op` text NOT NULL,
	`uitgevoerd_op` text,
	`uitkomst` text,
	`toelichting` text,
	FOREIGN KEY (`toewijzing_id`) REFERENCES `toewijzingen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluaties_toewijzing_idx` ON `evaluaties` (`toewijzing_id`);--> statement-breakpoint
CREATE INDEX `evaluaties_gepland_idx` ON `evaluaties` (`gepland_op`);--> statement-breakpoint
CREATE TABLE `gemeenten` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`code` text NOT NULL,
	`naam` text NOT NULL,
	`inwoners` integer NOT NULL,
	`jeugdigen` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gemeenten_code_unique` ON `gemeenten` (`code`);--> statement-breakpoint
CREATE TABLE `gezinnen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`team_id` text NOT NULL,
	`regisseur_id` text NOT NULL,
	`naam` text NOT NULL,
	`adres` text NOT NULL,
	`postcode` text NOT NULL,
	`woonplaats` text NOT NULL,
	`status` text NOT NULL,
	`aangemeld_op` text NOT NULL,
	`afgesloten_op` text,
	`oordeel_gezin` text,
	`oordeel_cijfer` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regisseur_id`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gezinnen_team_status_idx` ON `gezinnen` (`team_id`,`status`);--> statement-breakpoint
CREATE INDEX `gezinnen_regisseur_idx` ON `gezinnen` (`regisseur_id`);--> statement-breakpoint
CREATE TABLE `gezinsleden` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`rol` text NOT NULL,
	`voornaam` text NOT NULL,
	`achternaam` text NOT NULL,
	`geboortedatum` text NOT NULL,
	`bsn` text,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gezinsleden_gezin_idx` ON `gezinsleden` (`gezin_id`);--> statement-breakpoint
CREATE INDEX `gezinsleden_bsn_idx` ON `gezinsleden` (`bsn`);--> statement-breakpoint
CREATE TABLE `gezinsplan_domeinen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`plan_id` text NOT NULL,
	`domein` text NOT NULL,
	`situatie` text DEFAULT '' NOT NULL,
	`doel` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `gezinsplannen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gezinsplan_domeinen_plan_domein_uq` ON `gezinsplan_domeinen` (`plan_id`,`domein`);--> statement-breakpoint
CREATE TABLE `gezinsplan_versies` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`plan_id` text NOT NULL,
	`versie` integer NOT NULL,
	`vastgesteld_op` text NOT NULL,
	`vastgesteld_door` text,
	`inhoud` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `gezinsplannen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vastgesteld_door`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gezinsplan_versies_plan_versie_uq` ON `gezinsplan_versies` (`plan_id`,`versie`);--> statement-breakpoint
CREATE TABLE `gezinsplannen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`eigen_woorden` text DEFAULT '' NOT NULL,
	`toekomstplan` text,
	`versie` integer DEFAULT 0 NOT NULL,
	`toestemming_versie` integer,
	`toestemming_op` text,
	`toestemming_door` text,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gezinsplannen_gezin_id_unique` ON `gezinsplannen` (`gezin_id`);--> statement-breakpoint
CREATE TABLE `netwerkleden` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezin_id` text NOT NULL,
	`naam` text NOT NULL,
	`relatie` text NOT NULL,
	`telefoon` text,
	`rol_in_plan` text,
	FOREIGN KEY (`gezin_id`) REFERENCES `gezinnen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `netwerkleden_gezin_idx` ON `netwerkleden` (`gezin_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`change_id` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`fields` text NOT NULL,
	`hlc` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_hlc_idx` ON `outbox` (`hlc`);--> statement-breakpoint
CREATE TABLE `producten` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`productcode` text NOT NULL,
	`omschrijving` text NOT NULL,
	`perceel` text NOT NULL,
	`categorie` text NOT NULL,
	`eenheid` text NOT NULL,
	`frequentie` text NOT NULL,
	`tarief_cents` integer NOT NULL,
	`beschikkingsvrij` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `producten_productcode_unique` ON `producten` (`productcode`);--> statement-breakpoint
CREATE TABLE `professionals` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`naam` text NOT NULL,
	`email` text NOT NULL,
	`rol` text NOT NULL,
	`team_id` text,
	`actief` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `professionals_email_unique` ON `professionals` (`email`);--> statement-breakpoint
CREATE INDEX `professionals_team_idx` ON `professionals` (`team_id`);--> statement-breakpoint
CREATE TABLE `soj_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`periode` text NOT NULL,
	`bestandsnaam` text NOT NULL,
	`ingelezen_op` text NOT NULL,
	`ingelezen_door` text,
	`aantal_regels` integer NOT NULL,
	FOREIGN KEY (`ingelezen_door`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `soj_imports_periode_unique` ON `soj_imports` (`periode`);--> statement-breakpoint
CREATE TABLE `soj_regels` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`import_id` text NOT NULL,
	`periode` text NOT NULL,
	`team_id` text,
	`client_ref` text NOT NULL,
	`productcode` text NOT NULL,
	`perceel` text NOT NULL,
	`aanbieder_agb` text NOT NULL,
	`verwijzer` text NOT NULL,
	`startdatum` text NOT NULL,
	`einddatum` text,
	`volume` integer NOT NULL,
	`eenheid` text NOT NULL,
	`tarief_cents` integer NOT NULL,
	`bedrag_cents` integer NOT NULL,
	`gezinslid_id` text,
	`toewijzing_id` text,
	FOREIGN KEY (`import_id`) REFERENCES `soj_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gezinslid_id`) REFERENCES `gezinsleden`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`toewijzing_id`) REFERENCES `toewijzingen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `soj_regels_periode_team_idx` ON `soj_regels` (`periode`,`team_id`);--> statement-breakpoint
CREATE INDEX `soj_regels_toewijzing_idx` ON `soj_regels` (`toewijzing_id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`scope` text PRIMARY KEY NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`last_sync_at` text,
	`checksum` text
);
--> statement-breakpoint
CREATE TABLE `teambudgetten` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`team_id` text NOT NULL,
	`jaar` integer NOT NULL,
	`perceel` text,
	`bedrag_cents` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `teambudgetten_team_jaar_idx` ON `teambudgetten` (`team_id`,`jaar`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`naam` text NOT NULL,
	`gemeente_id` text NOT NULL,
	FOREIGN KEY (`gemeente_id`) REFERENCES `gemeenten`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `teams_gemeente_idx` ON `teams` (`gemeente_id`);--> statement-breakpoint
CREATE TABLE `toewijzingen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`gezinslid_id` text NOT NULL,
	`actieplan_id` text,
	`zorgprofiel_id` text,
	`aanbieder_id` text NOT NULL,
	`product_id` text NOT NULL,
	`rol` text DEFAULT 'hoofdaanbieder' NOT NULL,
	`hoofd_toewijzing_id` text,
	`volume` integer NOT NULL,
	`eenheid` text NOT NULL,
	`frequentie` text NOT NULL,
	`tarief_cents` integer NOT NULL,
	`startdatum` text NOT NULL,
	`einddatum` text NOT NULL,
	`werkelijke_start` text,
	`status` text NOT NULL,
	`beschikkingsvrij` integer DEFAULT false NOT NULL,
	`verwijzer` text NOT NULL,
	`nee_tenzij` integer DEFAULT false NOT NULL,
	`beeindigd_op` text,
	`einde_reden` text,
	`aangemaakt_door` text,
	`aangemaakt_op` text NOT NULL,
	FOREIGN KEY (`gezinslid_id`) REFERENCES `gezinsleden`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actieplan_id`) REFERENCES `actieplannen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zorgprofiel_id`) REFERENCES `zorgprofielen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`aanbieder_id`) REFERENCES `aanbieders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `producten`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`aangemaakt_door`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `toewijzingen_gezinslid_idx` ON `toewijzingen` (`gezinslid_id`);--> statement-breakpoint
CREATE INDEX `toewijzingen_aanbieder_idx` ON `toewijzingen` (`aanbieder_id`);--> statement-breakpoint
CREATE INDEX `toewijzingen_periode_idx` ON `toewijzingen` (`startdatum`,`einddatum`);--> statement-breakpoint
CREATE TABLE `zorgprofielen` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`author_id` text,
	`deleted` integer DEFAULT false NOT NULL,
	`actieplan_id` text NOT NULL,
	`categorie` text NOT NULL,
	`probleemgebieden` text DEFAULT '[]' NOT NULL,
	`vastgesteld_op` text NOT NULL,
	`vastgesteld_door` text,
	FOREIGN KEY (`actieplan_id`) REFERENCES `actieplannen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vastgesteld_door`) REFERENCES `professionals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `zorgprofielen_actieplan_idx` ON `zorgprofielen` (`actieplan_id`);