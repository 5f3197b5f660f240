DROP INDEX `aanbieders_agb_code_unique`;--> statement-breakpoint
DROP INDEX `gemeenten_code_unique`;--> statement-breakpoint
DROP INDEX `producten_productcode_unique`;--> statement-breakpoint
DROP INDEX `professionals_email_unique`;