import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { TeamHttpError } from '../api/team-client';
import { useTeamSession } from '../api/team-session';
import { useTeamConfig, useTeamSignIn, useTeamSignOut } from '../api/use-team';

function signInError(error: unknown): string {
  if (error instanceof TeamHttpError) {
    if (error.status === 401) return 'team.error.wrongCredentials';
    if (error.status === 0) return 'team.error.unreachable';
    if (error.status === 400) return 'team.error.invalid';
  }
  return 'team.error.server';
}

/**
 * Team mode: sign in to the team server (its address, e-mail, password) to share leads, calls,
 * consents and DNC requests with the organisation; off by default (this browser works alone).
 * `waitReason`: why signing in must wait (the first start's demo data still landing: signed in,
 * its later chunks would be pushed to the team as this device's writes).
 */
export function TeamSettings({ waitReason }: { waitReason?: string }) {
  const { t } = useTranslation();
  const config = useTeamConfig();
  const session = useTeamSession();
  const signIn = useTeamSignIn();
  const signOut = useTeamSignOut();
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [email, setEmail] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  if (config === undefined) return <p>{t('app.loading')}</p>;

  if (config?.enabled && session) {
    return (
      <div className="space-y-3 text-sm" data-testid="team-signed-in">
        <p>{t('team.signedInAs', { email: config.email, role: t(`team.role.${config.role}`, config.role) })}</p>
        <p className="text-slate-500">{t('team.server', { url: config.serverUrl })}</p>
        <Button onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('team.signOut')}
        </Button>
      </div>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(
      { serverUrl: serverUrl ?? config?.serverUrl ?? '', email: email ?? config?.email ?? '', password },
      { onSuccess: () => setPassword('') },
    );
  };
  return (
    <form className="space-y-4" onSubmit={submit} aria-label={t('team.signInForm')}>
      <p className="text-sm text-slate-600">{config?.enabled ? t('team.expired') : t('team.off')}</p>
      <Field label={t('team.serverUrl')} help={t('team.serverUrlHelp')}>
        {(p) => (
          <input
            {...p}
            type="url"
            required
            className={inputClass}
            value={serverUrl ?? config?.serverUrl ?? ''}
            onChange={(e) => setServerUrl(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('team.email')}>
        {(p) => (
          <input
            {...p}
            type="email"
            required
            autoComplete="username"
            className={inputClass}
            value={email ?? config?.email ?? ''}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('team.password')}>
        {(p) => (
          <input
            {...p}
            type="password"
            required
            autoComplete="current-password"
            className={inputClass}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      {signIn.isError && (
        <p role="alert" className="text-sm text-rose-700">
          {t(signInError(signIn.error))}
        </p>
      )}
      {waitReason && <p className="text-sm text-slate-600">{waitReason}</p>}
      <Button type="submit" variant="primary" disabled={signIn.isPending || waitReason !== undefined}>
        {signIn.isPending ? t('team.signingIn') : t('team.signIn')}
      </Button>
    </form>
  );
}
