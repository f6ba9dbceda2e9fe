import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from './lead';
import { draftPatch, editDraft, leadDraft } from './lead-edit-draft';
import {
  BROWSER_ZONES,
  editOneFieldProperty,
  newAcquiredTimeProperty,
  untouchedProperty,
} from './lead-edit-draft.property';

// The lead from issue 15: acquired 2026-01-01T11:56:42Z, organisation in New York.
const lead: Lead = {
  id: 9,
  phoneE164: '+12125550123',
  phoneRaw: '212 555 0123',
  region: 'US',
  timeZone: 'America/New_York',
  name: 'Grace Hopper',
  company: 'Navy',
  email: 'grace@example.com',
  tags: ['vip'],
  sourceId: 'referrals',
  acquiredAt: Date.parse('2026-01-01T11:56:42.317Z'),
  acquiredAtPrecision: 'exact',
  createdAt: Date.parse('2026-01-02T00:00:00Z'),
  updatedAt: Date.parse('2026-01-02T00:00:00Z'),
  entryMethod: 'manual',
  attempts: 0,
  dncStatus: 'unchecked',
  dncCheckedVersions: [],
};

describe('draftPatch', () => {
  it('changing only the name sends only the name (the acquisition time keeps its seconds and milliseconds)', () => {
    const draft = leadDraft(lead, 'America/New_York');
    expect(draft.base.acquiredAt).toBe('2026-01-01T06:56:42');
    expect(draftPatch(editDraft(draft, 'name', '  Grace B. Hopper '))).toEqual({
      ok: true,
      patch: { name: 'Grace B. Hopper' },
      acquiredChanged: false,
    });
  });

  it('reads a changed acquisition time in the zone the draft was written in, with or without seconds', () => {
    const draft = leadDraft(lead, 'America/New_York');
    expect(draftPatch(editDraft(draft, 'acquiredAt', '2026-01-01T07:00'))).toEqual({
      ok: true,
      patch: { acquiredAt: Date.parse('2026-01-01T12:00:00Z') },
      acquiredChanged: true,
    });
    expect(draftPatch(editDraft(draft, 'acquiredAt', '2026-01-01T07:00:05'))).toEqual({
      ok: true,
      patch: { acquiredAt: Date.parse('2026-01-01T12:00:05Z') },
      acquiredChanged: true,
    });
  });

  it('says why it cannot save: an unreadable time or e-mail address', () => {
    const draft = leadDraft(lead, 'America/New_York');
    expect(draftPatch(editDraft(draft, 'acquiredAt', ''))).toEqual({ ok: false, problem: 'acquired-invalid' });
    expect(draftPatch(editDraft(draft, 'email', 'grace at navy'))).toEqual({ ok: false, problem: 'email-invalid' });
  });

  it('tags are only re-split when the user edits them (a tag with a comma survives an unrelated edit)', () => {
    const odd = { ...lead, tags: ['a,b', ' spaced '] };
    expect(draftPatch(editDraft(leadDraft(odd, 'UTC'), 'company', 'ACME'))).toEqual({
      ok: true,
      patch: { company: 'ACME' },
      acquiredChanged: false,
    });
  });
});

describe('edit one field, save: every other field identical (org zone × precision, this process zone)', () => {
  it('property: one field changed, the rest identical, acquiredAt to the millisecond', () =>
    fc.assert(editOneFieldProperty(), { numRuns: 300 }));
  it('property: untouched form saves nothing', () => fc.assert(untouchedProperty(), { numRuns: 300 }));
  it('property: a typed acquisition time is stored as that wall-clock time', () =>
    fc.assert(newAcquiredTimeProperty(), { numRuns: 300 }));
});

// Browser zone: the process zone can only be set when a process starts (worker threads ignore `TZ`).
const child = `
const { createJiti } = require('jiti');
const fc = require('fast-check');
(async () => {
  const p = await createJiti(process.cwd() + '/').import('./src/domain/leads/lead-edit-draft.property.ts');
  for (const prop of [p.editOneFieldProperty(), p.untouchedProperty(), p.newAcquiredTimeProperty()]) fc.assert(prop, { numRuns: 150 });
  process.stdout.write(Intl.DateTimeFormat().resolvedOptions().timeZone);
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

describe('the same properties with the browser in another zone', () => {
  it.each(BROWSER_ZONES.filter((z) => z !== 'UTC'))('browser zone %s', (zone) => {
    const out = execFileSync(process.execPath, ['-e', child], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out).toBe(zone);
  });
});
