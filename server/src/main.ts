/** `npm run server`: migrate (as the owner), check the API login cannot bypass RLS, then listen. */
import { buildApp } from './app';
import { readConfig } from './config';
import { migrate } from './db/migrate';
import { assertUnprivileged, createPool } from './db/pool';

const config = readConfig();
const applied = await migrate(config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL);
const pool = createPool(config.DATABASE_URL);
await assertUnprivileged(pool);
const app = buildApp({
  pool,
  jwtSecret: config.JWT_SECRET,
  tokenTtlSec: config.TOKEN_TTL_SEC,
  corsOrigins: config.CORS_ORIGINS,
  logger: { level: config.LOG_LEVEL },
});

const stop = async (): Promise<void> => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());

await app.listen({ port: config.PORT, host: config.HOST });
app.log.info(`team edition server: ${applied} migration(s) applied`);
