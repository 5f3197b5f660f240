CREATE TABLE `sync_registers` (
	`tabel` text NOT NULL,
	`rij_id` text NOT NULL,
	`registers` text NOT NULL,
	`hash` text NOT NULL,
	`conflict` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`tabel`, `rij_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_registers_conflict_idx` ON `sync_registers` (`conflict`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `author_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `geweigerd` text;