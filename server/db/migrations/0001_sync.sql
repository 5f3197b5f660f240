CREATE TABLE "ontvangen" (
	"wijziging_id" text PRIMARY KEY NOT NULL,
	"gebruiker_id" text NOT NULL,
	"inhoud_hash" text NOT NULL,
	"scope" text NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rijen" (
	"tabel" text NOT NULL,
	"rij_id" text NOT NULL,
	"scope" text NOT NULL,
	"gezin_id" text,
	"registers" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "rijen_tabel_rij_id_pk" PRIMARY KEY("tabel","rij_id")
);
--> statement-breakpoint
CREATE TABLE "scopes" (
	"scope" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"hash" text DEFAULT '0000000000000000' NOT NULL,
	"aantal" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wijzigingen_log" (
	"scope" text NOT NULL,
	"seq" bigint NOT NULL,
	"tabel" text NOT NULL,
	"rij_id" text NOT NULL,
	"soort" text NOT NULL,
	"velden" text,
	CONSTRAINT "wijzigingen_log_scope_seq_pk" PRIMARY KEY("scope","seq")
);
--> statement-breakpoint
CREATE INDEX "rijen_scope_idx" ON "rijen" USING btree ("scope");--> statement-breakpoint
CREATE INDEX "rijen_gezin_idx" ON "rijen" USING btree ("gezin_id");