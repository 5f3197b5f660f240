-- Refresh tokens in families (one per sign-in on a device). A token issued before this version
-- becomes a family of its own; a spent one without a successor, shown again, ends that family.
CREATE TABLE "vernieuw_families" (
	"id" text PRIMARY KEY NOT NULL,
	"apparaat_id" text NOT NULL,
	"aangemaakt_op" timestamp with time zone NOT NULL,
	"ingetrokken_op" timestamp with time zone,
	"reden" text
);
--> statement-breakpoint
ALTER TABLE "vernieuw_tokens" ADD COLUMN "familie_id" text;--> statement-breakpoint
ALTER TABLE "vernieuw_tokens" ADD COLUMN "opvolger" text;--> statement-breakpoint
ALTER TABLE "vernieuw_tokens" ADD COLUMN "opvolger_nr" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "vernieuw_tokens" ADD COLUMN "vervallen_op" timestamp with time zone;--> statement-breakpoint
INSERT INTO "vernieuw_families" ("id", "apparaat_id", "aangemaakt_op") SELECT 'v-' || "hash", "apparaat_id", now() FROM "vernieuw_tokens";--> statement-breakpoint
UPDATE "vernieuw_tokens" SET "familie_id" = 'v-' || "hash";--> statement-breakpoint
ALTER TABLE "vernieuw_tokens" ALTER COLUMN "familie_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "vernieuw_families" ADD CONSTRAINT "vernieuw_families_apparaat_id_apparaten_id_fk" FOREIGN KEY ("apparaat_id") REFERENCES "public"."apparaten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vernieuw_families_apparaat_idx" ON "vernieuw_families" USING btree ("apparaat_id");--> statement-breakpoint
ALTER TABLE "vernieuw_tokens" ADD CONSTRAINT "vernieuw_tokens_familie_id_vernieuw_families_id_fk" FOREIGN KEY ("familie_id") REFERENCES "public"."vernieuw_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vernieuw_tokens_familie_idx" ON "vernieuw_tokens" USING btree ("familie_id");
