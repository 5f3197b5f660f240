CREATE TABLE "toegangslog" (
	"id" text PRIMARY KEY NOT NULL,
	"laptop" text NOT NULL,
	"apparaat_id" text NOT NULL,
	"seq" integer NOT NULL,
	"at" text NOT NULL,
	"gebruiker_id" text NOT NULL,
	"namens_id" text,
	"actie" text NOT NULL,
	"gezin_id" text,
	"onderdeel" text NOT NULL,
	"reden" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"ontvangen_op" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "toegangslog_laptop_seq_idx" ON "toegangslog" USING btree ("laptop","seq");--> statement-breakpoint
CREATE INDEX "toegangslog_gezin_idx" ON "toegangslog" USING btree ("gezin_id");