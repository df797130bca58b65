import { Initial1795807305582 } from './1795807305582-Initial';

/** MySQL/MariaDB migrations in the order they run. */
export const MYSQL_MIGRATIONS: Function[] = [Initial1795807305582];
