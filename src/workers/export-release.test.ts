/**
 * What an export releases: a file is handed over only if nothing its leads' rows or verdicts
 * depend on was written while it was built. A DNC request taken in another tab mid-build sends
 * the build round again, at a new instant (judged at the old one, the addition would not count),
 * whether the verdicts came from the engine or from the tables; leads that keep changing fail the
 * export after MAX_BUILDS builds, with no file and no audit entry. A call list relying on a DNC
 * copy older than its jurisdiction allows is refused by the worker itself unless the request
 * carries a written reason, whatever the screen did.
 */
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, NOW } from '../db/repos/compliance-test-fixture';
import { addToInternalDnc } from '../db/repos/dnc-repo';
import { listExports } from '../db/repos/export-repo';
import { EXPORT_BUSY, EXPORT_STALE_COPIES } from '../domain/import-export/call-list';
import { MS_PER_DAY } from '../domain/time/calendar';
import { buildExport, MAX_BUILDS, type ExportRequest } from './export-build';
import { engineAnswer } from './export-test-kit';

afterAll(closeAll);

const request = (ids: Int32Array, at = NOW): ExportRequest => ({
  ids,
  kind: 'call-list',
  format: 'csv',
  columns: ['phone', 'name', 'callable'],
  time: { timeZone: 'UTC', pattern: 'iso' },
  csv: { delimiter: ',', bom: false },
  at,
  fileName: 'list.csv',
  filter: {},
});

const phonesOf = async (blob: Blob) =>
  Papa.parse<string[]>(await blob.text(), { newline: '\r\n', skipEmptyLines: true })
    .data.slice(1)
    .map((r) => r[0]!);

describe('an export released', () => {
  for (const from of ['the engine', 'the tables'] as const)
    it(`leaves out a number put on the internal DNC list while the file was built from ${from}`, async () => {
      const { db, ids, judged } = await engineAnswer();
      const ask = from === 'the engine' ? { ...request(ids), judged } : request(ids);
      const before = await phonesOf((await buildExport(db, ask, () => undefined, { now: NOW, chunk: 40 })).blob);
      const phone = before[0]!;
      expect(phone).toMatch(/^\+\d+$/);
      // The clock moves on; after the first chunk an agent takes the person's DNC request in another tab.
      let clock = NOW;
      let asked = false;
      const onProgress = () => {
        if (asked) return;
        asked = true;
        clock = NOW + 5_000;
        void addToInternalDnc(db, { phone, defaultRegion: 'US' }, NOW + 4_000);
      };
      const out = await buildExport(db, ask, onProgress, { clock: () => clock, chunk: 40 });
      const after = await phonesOf(out.blob);
      expect(asked).toBe(true);
      expect(after).not.toContain(phone);
      expect(after).toHaveLength(before.length - 1);
      // Judged again at the new instant, from the tables: the audit entry says when.
      expect(out.at).toBe(NOW + 5_000);
      expect(out.leadsFromEngine).toBe(0);
      expect((await listExports(db))[0]).toMatchObject({ after: { at: NOW + 5_000, rows: after.length } });
    });

  it('is not built again for a write that named only leads outside it', async () => {
    const { db, ids, judged } = await engineAnswer();
    const all = await phonesOf((await buildExport(db, request(ids), () => undefined, { now: NOW })).blob);
    // The list of every other lead; a DNC request for a lead left out lands while it is built.
    const some = ids.filter((_, k) => k % 2 === 0);
    const listed = await phonesOf((await buildExport(db, request(some), () => undefined, { now: NOW })).blob);
    const outside = all.find((p) => !listed.includes(p))!;
    expect(outside).toBeDefined();
    let clock = NOW;
    const out = await buildExport(
      db,
      { ...request(some), judged: { ...judged, bits: judged.bits.filter((_, k) => k % 2 === 0) } },
      () => {
        clock = NOW + 5_000;
        void addToInternalDnc(db, { phone: outside, defaultRegion: 'US' }, NOW + 4_000);
      },
      { clock: () => clock, chunk: 40 },
    );
    expect(clock).toBe(NOW + 5_000);
    expect(out.at).toBe(NOW);
    expect(await phonesOf(out.blob)).toEqual(listed);
  });

  it('fails after MAX_BUILDS builds when the leads keep changing, releasing no file and recording none', async () => {
    const { db, ids, judged } = await engineAnswer();
    const phones = await phonesOf((await buildExport(db, request(ids), () => undefined, { now: NOW })).blob);
    const recorded = (await listExports(db)).length;
    let clock = NOW;
    let builds = 0;
    // Each build reports its first chunk first: one DNC request lands during every build.
    const onProgress = (done: number) => {
      if (done !== 40) return;
      builds++;
      clock += 1_000;
      void addToInternalDnc(db, { phone: phones[builds]!, defaultRegion: 'US' }, clock);
    };
    await expect(
      buildExport(db, { ...request(ids), judged }, onProgress, { clock: () => clock, chunk: 40 }),
    ).rejects.toThrow(EXPORT_BUSY);
    expect(builds).toBe(MAX_BUILDS);
    expect(await listExports(db)).toHaveLength(recorded);
  });

  it('refuses a call list relying on an over-age DNC copy unless the request gives a written reason', async () => {
    const { db, ids } = await engineAnswer();
    const recorded = (await listExports(db)).length;
    // A year on, every national copy is past its maximum age; the screen's own refusal is bypassed.
    const later = NOW + 365 * MS_PER_DAY;
    await expect(buildExport(db, request(ids, later), () => undefined, { now: later })).rejects.toThrow(
      EXPORT_STALE_COPIES,
    );
    await expect(
      buildExport(db, { ...request(ids, later), override: 'too short' }, () => undefined, { now: later }),
    ).rejects.toThrow(EXPORT_STALE_COPIES);
    expect(await listExports(db)).toHaveLength(recorded);
    const override = 'Copies re-checked by phone with the registry on 2027-11-29';
    const out = await buildExport(db, { ...request(ids, later), override }, () => undefined, { now: later });
    expect(out.rows).toBeGreaterThan(0);
    expect((await listExports(db))[0]).toMatchObject({ after: { override } });
    // A plain leads export relies on no copy: never refused.
    const leads = await buildExport(db, { ...request(ids, later), kind: 'leads' }, () => undefined, { now: later });
    expect(leads.rows).toBe(ids.length);
  });
});
