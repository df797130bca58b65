import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/config';
import { dataSourceOptions, type MysqlFlavor } from './src/db/data-source';

/**
 * The data source for TypeORM's CLI, configured by `DATABASE_URL` like the server. The CLI cannot wait for
 * the server to say whether it is MariaDB, so set `DB_FLAVOR=mariadb` there (the server itself detects it).
 */
export default new DataSource(dataSourceOptions(loadConfig().database, (process.env.DB_FLAVOR as MysqlFlavor | undefined) ?? 'mysql'));
