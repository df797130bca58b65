/**
 * Imported first by the list benchmark: the server it measures runs as in production, and libraries that read
 * NODE_ENV once when they are loaded (graphql-js's development-only type checks, express) must see it before
 * anything loads them, as they do under `NODE_ENV=production node dist/src/main.js`.
 */
process.env.NODE_ENV = 'production';
