PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sync_registers` (
	`tabel` text NOT NULL,
	`rij_id` text NOT NULL,
	`registers` text,
	`hash` text NOT NULL,
	`conflict` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`tabel`, `rij_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_sync_registers`("tabel", "rij_id", "registers", "hash", "conflict") SELECT "tabel", "rij_id", "registers", "hash", "conflict" FROM `sync_registers`;--> statement-breakpoint
DROP TABLE `sync_registers`;--> statement-breakpoint
ALTER TABLE `__new_sync_registers` RENAME TO `sync_registers`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `sync_registers_conflict_idx` ON `sync_registers` (`conflict`) WHERE conflict = 1;