ALTER TABLE "apparaten" ADD COLUMN "laatste_contact" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "apparaten" ADD COLUMN "app_versie" text;--> statement-breakpoint
ALTER TABLE "apparaten" ADD COLUMN "intrekking" text;--> statement-breakpoint
ALTER TABLE "apparaten" ADD COLUMN "intrekking_gevraagd_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "toegangslog" ADD COLUMN "intrekking" text;--> statement-breakpoint
-- Devices revoked before this version were revoked at once, as a lost one is now.
UPDATE "apparaten" SET "intrekking" = 'verloren', "intrekking_gevraagd_op" = "ingetrokken_op" WHERE "ingetrokken_op" IS NOT NULL;
