CREATE TABLE "verwijderingen" (
	"id" text PRIMARY KEY NOT NULL,
	"gezin_id" text NOT NULL,
	"scope" text NOT NULL,
	"records" integer NOT NULL,
	"grond" text NOT NULL,
	"verwijderd_op" timestamp with time zone DEFAULT now() NOT NULL
);
