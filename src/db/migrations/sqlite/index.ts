import { Initial1795807304969 } from './1795807304969-Initial';

/** SQLite migrations in the order they run. */
export const SQLITE_MIGRATIONS: Function[] = [Initial1795807304969];
