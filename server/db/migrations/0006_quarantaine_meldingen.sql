CREATE TABLE "quarantaine_meldingen" (
	"apparaat_id" text NOT NULL,
	"gebruiker_id" text NOT NULL,
	"tabel" text NOT NULL,
	"rij_id" text NOT NULL,
	"reden" text NOT NULL,
	"gemeld_op" timestamp with time zone NOT NULL,
	CONSTRAINT "quarantaine_meldingen_apparaat_id_tabel_rij_id_pk" PRIMARY KEY("apparaat_id","tabel","rij_id")
);
--> statement-breakpoint
ALTER TABLE "quarantaine_meldingen" ADD CONSTRAINT "quarantaine_meldingen_apparaat_id_apparaten_id_fk" FOREIGN KEY ("apparaat_id") REFERENCES "public"."apparaten"("id") ON DELETE no action ON UPDATE no action;