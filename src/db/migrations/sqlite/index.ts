import { Initial1795806678346 } from './1795806678346-Initial';

/** SQLite migrations in the order they run. */
export const SQLITE_MIGRATIONS: Function[] = [Initial1795806678346];
