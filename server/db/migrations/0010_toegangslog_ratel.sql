-- The forward-secure access-log keys per device and what the service could not check (server/sync/toegangslog.ts);
-- the static key is only for the laptop's own check now, so the service no longer tracks mac_vanaf.
CREATE TABLE "toegangslog_meldingen" (
	"id" serial PRIMARY KEY NOT NULL,
	"apparaat_id" text NOT NULL,
	"op" timestamp with time zone DEFAULT now() NOT NULL,
	"soort" text NOT NULL,
	"vanaf" integer NOT NULL,
	"bewezen_tot" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toegangslog_ratels" (
	"apparaat_id" text PRIMARY KEY NOT NULL,
	"sleutel" text NOT NULL,
	"positie" integer NOT NULL,
	"bewezen_tot" integer NOT NULL,
	"uitgegeven_op" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "toegangslog" ADD COLUMN "ratel_gecontroleerd" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "toegangslog_meldingen" ADD CONSTRAINT "toegangslog_meldingen_apparaat_id_apparaten_id_fk" FOREIGN KEY ("apparaat_id") REFERENCES "public"."apparaten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toegangslog_ratels" ADD CONSTRAINT "toegangslog_ratels_apparaat_id_apparaten_id_fk" FOREIGN KEY ("apparaat_id") REFERENCES "public"."apparaten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "toegangslog_meldingen_apparaat_idx" ON "toegangslog_meldingen" USING btree ("apparaat_id");--> statement-breakpoint
ALTER TABLE "toegangslog_sleutels" DROP COLUMN "mac_vanaf";