import { Initial1795807305582 } from './1795807305582-Initial';
import { Cases1795807888829 } from './1795807888829-Cases';
import { DeadlineAlerts1795808400364 } from './1795808400364-DeadlineAlerts';

/** MySQL/MariaDB migrations in the order they run. */
export const MYSQL_MIGRATIONS: Function[] = [Initial1795807305582, Cases1795807888829, DeadlineAlerts1795808400364];
