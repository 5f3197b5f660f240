-- A chain is keyed by the device that sent it (from the token), no longer by the label a laptop
-- gives its log. The anchor of a device that sent lines before this version is taken from its
-- last stored line when it next sends (server/sync/toegangslog.ts); no stored line changes.
CREATE TABLE "toegangslog_ankers" (
	"apparaat_id" text PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"hash" text NOT NULL,
	"bijgewerkt_op" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "toegangslog_laptop_seq_idx";--> statement-breakpoint
CREATE INDEX "toegangslog_apparaat_seq_idx" ON "toegangslog" USING btree ("apparaat_id","seq");--> statement-breakpoint
CREATE INDEX "toegangslog_laptop_seq_idx" ON "toegangslog" USING btree ("laptop","seq");