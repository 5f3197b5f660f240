-- ToewijzingNummers: the blocks issued to laptops, and every number in use (docs/adr/0005).
CREATE TABLE "toewijzingnummer_blokken" (
	"blok" serial PRIMARY KEY NOT NULL,
	"apparaat_id" text NOT NULL,
	"uitgegeven_op" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "toewijzingnummers" (
	"nummer" integer PRIMARY KEY NOT NULL,
	"rij_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "toewijzingnummer_blokken" ADD CONSTRAINT "toewijzingnummer_blokken_apparaat_id_apparaten_id_fk" FOREIGN KEY ("apparaat_id") REFERENCES "public"."apparaten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "toewijzingnummer_blokken_apparaat_idx" ON "toewijzingnummer_blokken" USING btree ("apparaat_id","uitgegeven_op");