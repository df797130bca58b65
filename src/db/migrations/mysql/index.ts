import { Initial1795807305582 } from './1795807305582-Initial';
import { Cases1795807888829 } from './1795807888829-Cases';

/** MySQL/MariaDB migrations in the order they run. */
export const MYSQL_MIGRATIONS: Function[] = [Initial1795807305582, Cases1795807888829];
