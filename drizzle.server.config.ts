import { defineConfig } from 'drizzle-kit';

/** The central service's PostgreSQL schema (server/). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
