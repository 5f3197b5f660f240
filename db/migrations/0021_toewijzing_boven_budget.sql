-- Budget overrun as a vier-ogen reason (issue 24): set when the toewijzing was made and the
-- team's (or perceel's) forecast after it was above its budget; the teamcoach approves.
ALTER TABLE `toewijzingen` ADD `overschrijding` integer DEFAULT false NOT NULL;