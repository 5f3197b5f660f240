-- Access-log lines also carry a MAC under the forward-secure key of their position (core/audit/ratel.ts).
ALTER TABLE `audit_log` ADD `ratel_mac` text;