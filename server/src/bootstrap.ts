/**
 * `npm run server:bootstrap -- <org name> <team name> <steward e-mail> <password>`: migrates, then
 * creates an organisation with one team and its first steward (who is also that team's member).
 */
import { createOrg, createTeam, createUser } from './admin';
import { migrate } from './db/migrate';
import { createPool } from './db/pool';

const [orgName, teamName, email, password] = process.argv.slice(2);
const ownerUrl = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
if (!orgName || !teamName || !email || !password || !ownerUrl) {
  console.error('usage: MIGRATION_DATABASE_URL=… npm run server:bootstrap -- <org> <team> <e-mail> <password>');
  process.exit(2);
}
await migrate(ownerUrl);
const owner = createPool(ownerUrl, 1);
const orgId = await createOrg(owner, orgName);
const teamId = await createTeam(owner, orgId, teamName);
const userId = await createUser(owner, orgId, { email, name: email, role: 'steward', teamIds: [teamId], password });
await owner.end();
console.log(JSON.stringify({ orgId, teamId, userId }));
