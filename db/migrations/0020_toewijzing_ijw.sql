-- iJw 3.2 to the letter: the moment a toewijzing was decided (JW301 Toewijzingsdatum/-tijd), its
-- ToewijzingNummer from a number block of the central service (docs/adr/0005), and the JZ588
-- reason a provider's JW307 gave for stopping.
ALTER TABLE `toewijzingen` ADD `reden_beeindiging` text;--> statement-breakpoint
ALTER TABLE `toewijzingen` ADD `toegewezen_op` text;--> statement-breakpoint
ALTER TABLE `toewijzingen` ADD `toewijzing_nummer` integer;--> statement-breakpoint
-- Product categories as JZ020 has them (they were numbered as a region's own list: pleegzorg was
-- sent as 42, officially Vervoerdiensten). Only products this laptop wrote itself (a demo
-- profile's, never synced): a synced product is the central service's, corrected there and
-- brought here by sync like any other change.
UPDATE `producten` SET `categorie` = CASE `categorie`
    WHEN '40' THEN '43' WHEN '41' THEN '44' WHEN '42' THEN '44' WHEN '44' THEN '46'
    WHEN '46' THEN '41' WHEN '47' THEN '48' WHEN '48' THEN '47' WHEN '55' THEN '54'
    ELSE `categorie` END
  WHERE `id` NOT IN (SELECT `rij_id` FROM `sync_registers` WHERE `tabel` = 'producten');
