-- Substring search over family and member names through FTS5 trigram indexes, kept in step
-- with the tables by triggers (the caseload search must stay instant at region scale).
CREATE VIRTUAL TABLE `gezinnen_zoek` USING fts5(naam, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `gezinsleden_zoek` USING fts5(naam, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `gezinnen_zoek_ai` AFTER INSERT ON `gezinnen` BEGIN
  INSERT INTO `gezinnen_zoek` (rowid, naam) VALUES (new.rowid, new.naam);
END;
--> statement-breakpoint
CREATE TRIGGER `gezinnen_zoek_au` AFTER UPDATE OF `naam` ON `gezinnen` BEGIN
  UPDATE `gezinnen_zoek` SET naam = new.naam WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `gezinnen_zoek_ad` AFTER DELETE ON `gezinnen` BEGIN
  DELETE FROM `gezinnen_zoek` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `gezinsleden_zoek_ai` AFTER INSERT ON `gezinsleden` BEGIN
  INSERT INTO `gezinsleden_zoek` (rowid, naam) VALUES (new.rowid, new.voornaam || ' ' || new.achternaam);
END;
--> statement-breakpoint
CREATE TRIGGER `gezinsleden_zoek_au` AFTER UPDATE OF `voornaam`, `achternaam` ON `gezinsleden` BEGIN
  UPDATE `gezinsleden_zoek` SET naam = new.voornaam || ' ' || new.achternaam WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `gezinsleden_zoek_ad` AFTER DELETE ON `gezinsleden` BEGIN
  DELETE FROM `gezinsleden_zoek` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
INSERT INTO `gezinnen_zoek` (rowid, naam) SELECT rowid, naam FROM `gezinnen`;
--> statement-breakpoint
INSERT INTO `gezinsleden_zoek` (rowid, naam) SELECT rowid, voornaam || ' ' || achternaam FROM `gezinsleden`;
