-- Access-log lines carry the HMAC of their hash under the device's log key from the central
-- service (null on lines written before the profile had one: they stay as they are).
ALTER TABLE `audit_log` ADD `mac` text;
