import 'reflect-metadata';
import { loadConfig } from './src/config/config';
import { createDataSource } from './src/db/data-source';

/** The data source for TypeORM's CLI and the migration scripts, configured by `DATABASE_URL` like the server. */
export default createDataSource(loadConfig().database);
