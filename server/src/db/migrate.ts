/** Runs the committed SQL migrations (server/migrations/NNN.do.*.sql) with Postgrator, as the owner. */
import pg from 'pg';
import Postgrator from 'postgrator';
import { fileURLToPath } from 'node:url';

const MIGRATIONS = fileURLToPath(new URL('../../migrations/*.sql', import.meta.url));

export async function migrate(ownerUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const postgrator = new Postgrator({
      migrationPattern: MIGRATIONS,
      driver: 'pg',
      database: client.database ?? '',
      schemaTable: 'schema_version',
      execQuery: (query) => client.query(query),
    });
    const applied = await postgrator.migrate();
    return applied.length;
  } finally {
    await client.end();
  }
}
