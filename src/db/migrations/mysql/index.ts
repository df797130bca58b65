/** MySQL/MariaDB migrations in the order they run. */
export const MYSQL_MIGRATIONS: Function[] = [];
