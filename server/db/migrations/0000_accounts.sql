CREATE TABLE "apparaten" (
	"id" text PRIMARY KEY NOT NULL,
	"gebruiker_id" text NOT NULL,
	"naam" text NOT NULL,
	"geregistreerd_op" timestamp with time zone DEFAULT now() NOT NULL,
	"ingetrokken_op" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gebruikers" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"naam" text NOT NULL,
	"rol" text NOT NULL,
	"team_id" text,
	"wachtwoord_hash" text NOT NULL,
	"actief" boolean DEFAULT true NOT NULL,
	CONSTRAINT "gebruikers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	CONSTRAINT "teams_naam_unique" UNIQUE("naam")
);
--> statement-breakpoint
CREATE TABLE "vernieuw_tokens" (
	"hash" text PRIMARY KEY NOT NULL,
	"apparaat_id" text NOT NULL,
	"verloopt_op" timestamp with time zone NOT NULL,
	"gebruikt_op" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "apparaten" ADD CONSTRAINT "apparaten_gebruiker_id_gebruikers_id_fk" FOREIGN KEY ("gebruiker_id") REFERENCES "public"."gebruikers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gebruikers" ADD CONSTRAINT "gebruikers_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vernieuw_tokens" ADD CONSTRAINT "vernieuw_tokens_apparaat_id_apparaten_id_fk" FOREIGN KEY ("apparaat_id") REFERENCES "public"."apparaten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "apparaten_gebruiker_idx" ON "apparaten" USING btree ("gebruiker_id");--> statement-breakpoint
CREATE INDEX "gebruikers_team_idx" ON "gebruikers" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "vernieuw_tokens_apparaat_idx" ON "vernieuw_tokens" USING btree ("apparaat_id");