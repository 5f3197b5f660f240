-- A key per device for the MACs of its access-log lines. A device registered before this version
-- gets one with its next token (sign-in or refresh); its lines until then come without MACs.
CREATE TABLE "toegangslog_sleutels" (
	"apparaat_id" text PRIMARY KEY NOT NULL,
	"sleutel" text NOT NULL,
	"uitgegeven_op" timestamp with time zone DEFAULT now() NOT NULL,
	"mac_vanaf" integer
);
--> statement-breakpoint
ALTER TABLE "toegangslog_sleutels" ADD CONSTRAINT "toegangslog_sleutels_apparaat_id_apparaten_id_fk" FOREIGN KEY ("apparaat_id") REFERENCES "public"."apparaten"("id") ON DELETE no action ON UPDATE no action;