-- The forward-secure key as it was at the start of the last batch (a proof sent before the batch
-- arrived still holds), and whether the laptop ever showed it holds it (then never replaced unnoted).
ALTER TABLE "toegangslog_ratels" ADD COLUMN "batch_sleutel" text;--> statement-breakpoint
ALTER TABLE "toegangslog_ratels" ADD COLUMN "batch_positie" integer;--> statement-breakpoint
ALTER TABLE "toegangslog_ratels" ADD COLUMN "gebruikt" boolean DEFAULT false NOT NULL;