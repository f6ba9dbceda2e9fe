/**
 * `npm run server:password -- <e-mail>` sets a user's password again, read from the standard input
 * (one line: never a command-line argument, which `ps` and the shell's history show), and
 * `npm run server:password -- <e-mail> --remove` removes their password (a user who leaves; a
 * password set again later restores their sign-in). Either ends every session the user holds at
 * its next request (decisions 058, 060).
 */
import { text } from 'node:stream/consumers';
import { removeCredential, setPassword } from './admin';
import { migrate } from './db/migrate';
import { createPool } from './db/pool';

const [email, flag] = process.argv.slice(2);
const ownerUrl = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
if (!email || (flag !== undefined && flag !== '--remove') || !ownerUrl) {
  console.error(
    'usage: MIGRATION_DATABASE_URL=… npm run server:password -- <e-mail> [--remove]  (the password on stdin)',
  );
  process.exit(2);
}
const password = flag === '--remove' ? '' : (await text(process.stdin)).replace(/\r?\n$/, '');
if (flag !== '--remove' && password.length < 8) {
  console.error('the new password (on stdin) must be at least 8 characters');
  process.exit(2);
}
await migrate(ownerUrl);
const owner = createPool(ownerUrl, 1);
try {
  const { rows } = await owner.query<{ user_id: string; org_id: string }>(
    'SELECT user_id, org_id FROM auth_lookup($1)',
    [email],
  );
  const user = rows[0];
  if (!user) {
    console.error(`no credential for ${email}`);
    process.exitCode = 1;
  } else if (flag === '--remove') {
    await removeCredential(owner, user.org_id, user.user_id);
    console.log(JSON.stringify({ userId: user.user_id, removed: true }));
  } else {
    await setPassword(owner, user.org_id, user.user_id, { password });
    console.log(JSON.stringify({ userId: user.user_id, passwordSet: true }));
  }
} finally {
  await owner.end();
}
