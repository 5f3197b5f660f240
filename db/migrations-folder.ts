import { fileURLToPath } from 'node:url';

/** Where the committed drizzle-kit migrations live in a source checkout. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
