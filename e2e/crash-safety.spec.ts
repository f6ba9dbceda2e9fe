import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { AuditEntry } from '../src/domain/audit/audit-entry';
import { verifyChain } from '../src/domain/audit/audit-hash';
import { AppShell } from './page-models/app-shell';
import { CompliancePage } from './page-models/compliance';
import { ImportScreen } from './page-models/import';
import { LeadsPage } from './page-models/leads-page';
import {
  crashRenderer,
  dbCounts,
  dbFacts,
  killBrowser,
  launchProfile,
  seededRandom,
  type DbFacts,
} from './support/crash-kit';

/**
 * Crash safety (DESIGN.md §7): a persistent profile, seeded once, where an import, a bulk edit and
 * a retention purge are each started by clicking as a person would and then killed — the renderer
 * through CDP `Page.crash`, or the whole browser with SIGKILL — at a seeded-random moment after
 * the click, spread from before the commit starts to after it ended. After each kill the same
 * profile is opened again and the raw IndexedDB must hold all of the batch or none of it, every
 * operation the UI had acknowledged, an audit chain that verifies, and — when the operation did
 * not complete but had journaled its start — a banner saying so. `CRASH_POINTS=200` (and
 * `CRASH_SEED`) make the nightly run of scripts/crash-soak.mjs.
 */

const POINTS = Number(process.env.CRASH_POINTS ?? 21);
const SEED = Number(process.env.CRASH_SEED ?? 20261129);
const OUT = process.env.E2E_OUTPUT ?? 'test-results';
const IMPORT_ROWS = 3_000;
/** Imported leads go to this source, acquired in 2021: past retention, they feed the purges. */
const IMPORT_SOURCE = 'paid-social';
/** Bulk edits tag this source's leads (acquired in the last 18 months: no purge touches their tags). */
const BULK_SOURCE = 'web-forms';
type Kind = 'import' | 'bulk' | 'purge';
const KINDS: Kind[] = ['import', 'bulk', 'purge'];
/** Every 7th point kills the whole browser (3 of the default 21: one of each kind). */
const killsBrowser = (i: number) => i % 7 === 3;
const fmt = (n: number) => n.toLocaleString('en-US');
const PATHS: Record<Kind, string> = {
  import: `/import?kind=leads&source=${IMPORT_SOURCE}`,
  bulk: `/leads?source=${encodeURIComponent(JSON.stringify([BULK_SOURCE]))}`,
  purge: '/compliance/retention?mode=anonymize',
};

interface Started {
  kind: Kind;
  /** The button that starts the commit, and what the UI shows once it reports success. */
  commit: Locator;
  done: Locator;
  /** What the batch changes, and how to recognise it afterwards. */
  size: number;
  fileName?: string;
  tag?: string;
  message: string;
}

/** Where a kill point's time goes: `lap(name)` closes a phase; `line()` lists them in seconds. */
function lapTimer() {
  const t0 = Date.now();
  let last = t0;
  const parts: string[] = [];
  return {
    lap(name: string) {
      const now = Date.now();
      parts.push(`${name} ${((now - last) / 1000).toFixed(1)}`);
      last = now;
    },
    line: () => `${parts.join(', ')} = ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  };
}

/** What the UI acknowledged: must survive every later kill. */
interface Acknowledged {
  imports: { fileName: string; created: number }[];
  tags: { tag: string; count: number }[];
  anonymized: number;
}

test(`crash safety: ${POINTS} kill points during imports, bulk edits and purges`, async () => {
  const info = test.info();
  // A safety net, not a measure: seeding alone can take minutes on a loaded 2-core machine.
  test.setTimeout(300_000 + POINTS * 45_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'leadledger-crash-'));
  const random = seededRandom(SEED);
  let context: BrowserContext = await launchProfile(dir, info);
  let page: Page = context.pages()[0] ?? (await context.newPage());
  let files = 0;
  const acked: Acknowledged = { imports: [], tags: [], anonymized: 0 };
  const interruptedIds: number[] = [];
  const tally = {
    renderer: 0,
    browser: 0,
    beforeJournal: 0,
    interrupted: 0,
    completed: 0,
    completedAcked: 0,
    byKind: { import: 0, bulk: 0, purge: 0 },
  };

  const t0 = Date.now();
  try {
    // Seed the demo data once (first start of the profile).
    await page.goto('/');
    // The demo lands in the background: wait until all of it is stored.
    await page.locator('main[data-seed="ready"]').waitFor({ state: 'attached', timeout: 180_000 });
    await page.getByTestId('figure-leads').waitFor({ timeout: 60_000 });
    console.log(`crash-safety · seeded the profile in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    /** Go to `path` unless the page was just reopened there (a fresh load of the screen either way). */
    let reopenedAt: string | null = null;
    const visit = async (to: string) => {
      if (reopenedAt !== to) await page.goto(to);
      reopenedAt = null;
    };

    /** A CSV of IMPORT_ROWS new US numbers (a fresh exchange per file), acquired in 2021. */
    const csv = () => {
      const exchange = 200 + files++;
      const rows = Array.from(
        { length: IMPORT_ROWS },
        (_, i) =>
          `+1646${exchange}${String(i).padStart(4, '0')},Crash lead ${exchange}-${i},2021-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`,
      );
      return Buffer.from(`phone,name,acquired at\n${rows.join('\n')}\n`);
    };

    const startImport = async (name: string): Promise<Started> => {
      const screen = new ImportScreen(page);
      await visit(PATHS.import);
      await screen.chooseFile(name, csv());
      await screen.check();
      await expect(screen.count('valid')).toHaveText(fmt(IMPORT_ROWS));
      const created = Number((await screen.count('create').innerText()).replace(/\D/g, ''));
      expect(created).toBeGreaterThan(IMPORT_ROWS * 0.9);
      return {
        kind: 'import',
        commit: screen.commitButton,
        done: page.getByRole('status').filter({ hasText: /Imported as batch #\d+/ }),
        size: created,
        fileName: name,
        message: `Import of ${name} was interrupted — nothing from it was saved.`,
      };
    };

    const startBulk = async (tag: string): Promise<Started> => {
      const leads = new LeadsPage(page);
      await visit(PATHS.bulk);
      // After an import of 3,000 leads (over a tenth) the engine builds its index again: 12–16 s here, more under load.
      await expect(leads.rows().first()).toBeVisible({ timeout: 90_000 });
      await leads.selectAllMatching();
      const n = Number((await page.getByTestId('selection-count').innerText()).replace(/\D/g, ''));
      expect(n).toBeGreaterThan(1_000);
      const dialog = await leads.bulk('Add tags', tag);
      await expect(dialog.getByTestId('bulk-preview')).toContainText(`${fmt(n)} leads will change`);
      return {
        kind: 'bulk',
        commit: dialog.getByRole('button', { name: /^Apply to/ }),
        done: page.getByTestId('bulk-done'),
        size: n,
        tag,
        message: `Bulk edit “Add tags” of ${fmt(n)} leads was interrupted — no lead was changed.`,
      };
    };

    /** The dry run and the confirmation; null when nothing is due (an import then brings more). */
    const startPurge = async (): Promise<Started | null> => {
      const c = new CompliancePage(page);
      await visit(PATHS.purge);
      await expect(page.locator('main h1').first()).toBeVisible();
      await page.getByRole('button', { name: 'Run dry run' }).click();
      await expect(page.getByTestId('purge-plan')).toBeVisible({ timeout: 60_000 });
      const going = await c.figure('purge-count');
      if (going === 0) return null;
      await page
        .getByRole('button', { name: new RegExp(`^Anonymise ${going} leads?$`) })
        .first()
        .click();
      return {
        kind: 'purge',
        commit: page.getByRole('alertdialog').getByRole('button', { name: /^Anonymise/ }),
        done: page.getByRole('status').filter({ hasText: `${going} leads anonymised` }),
        size: going,
        message: `Retention purge (Anonymise) of ${fmt(going)} leads was interrupted — no lead was purged.`,
      };
    };

    const start = async (kind: Kind, point: string): Promise<Started> => {
      if (kind === 'import') return startImport(`crash-${point}.csv`);
      if (kind === 'bulk') return startBulk(`crash-${point}`);
      const purge = await startPurge();
      if (purge) return purge;
      // Every due lead was purged by an earlier point: an import (run to completion) brings more.
      await complete(await startImport(`crash-${point}-supply.csv`));
      return (await startPurge())!;
    };

    /** Run a started operation to the end; returns how long the UI took to say it was done. */
    async function complete(op: Started): Promise<number> {
      const t0 = Date.now();
      await op.commit.click();
      await expect(op.done).toBeVisible({ timeout: 120_000 });
      acknowledge(op);
      return Date.now() - t0;
    }
    function acknowledge(op: Started) {
      if (op.kind === 'import') acked.imports.push({ fileName: op.fileName!, created: op.size });
      if (op.kind === 'bulk') acked.tags.push({ tag: op.tag!, count: op.size });
      if (op.kind === 'purge') acked.anonymized += op.size;
    }

    const facts = () =>
      dbFacts(
        page,
        acked.tags.map((t) => t.tag),
        BULK_SOURCE,
      );

    /** Everything the UI ever acknowledged is still there, and the audit chain verifies. */
    const checkInvariants = (f: DbFacts) => {
      expect(verifyChain(f.audit as AuditEntry[]), 'audit chain').toBeNull();
      for (const imp of acked.imports) {
        const batch = f.batches.find((b) => b.fileName === imp.fileName);
        expect(batch, imp.fileName).toMatchObject({ status: 'committed', created: imp.created });
        // Purges anonymise imported leads but keep their rows (and batch ids).
        expect(batch!.leads, imp.fileName).toBe(imp.created);
      }
      for (const t of acked.tags) expect(f.tagged[t.tag], t.tag).toBe(t.count);
      expect(f.anonymized).toBeGreaterThanOrEqual(acked.anonymized);
    };

    // Calibration: one of each, run to completion (purge first: it clears the demo's due leads,
    // so later purges only take imported leads and never a tagged one). Their durations spread the kill delays.
    const calibration: Record<Kind, number> = { import: 0, bulk: 0, purge: 0 };
    for (const kind of ['purge', 'import', 'bulk'] as const) {
      const laps = lapTimer();
      const op = await start(kind, `${SEED}-calibration`);
      laps.lap('start');
      calibration[kind] = await complete(op);
      laps.lap('commit');
      console.log(`crash-safety · calibration ${kind}: ${laps.line()}`);
    }
    checkInvariants(await facts());

    for (let i = 0; i < POINTS; i++) {
      const kind = KINDS[i % 3]!;
      const point = `${SEED}-${i}`;
      const laps = lapTimer();
      const op = await start(kind, point);
      laps.lap('start');
      const before = await dbFactsFor();
      laps.lap('facts');
      const tag = op.tag ? [op.tag] : [];
      // Delays from 0 (the click's own handler has not finished) to 1.4× the calibrated duration.
      const delay = Math.round(random() * 1.4 * calibration[kind]);
      let shown = false;
      void op.done.waitFor({ timeout: 120_000 }).then(
        () => (shown = true),
        () => {},
      );
      await op.commit.click();
      await new Promise((r) => setTimeout(r, delay));
      laps.lap('delay');
      const ackedBeforeKill = shown;
      if (killsBrowser(i)) {
        await killBrowser(context, dir);
        context = await launchProfile(dir, info);
        page = context.pages()[0] ?? (await context.newPage());
        tally.browser++;
      } else {
        await crashRenderer(page);
        page = await context.newPage();
        tally.renderer++;
      }
      laps.lap('kill');
      // Reopen the app on the same profile, at the screen of the next kill point (the banner is in every screen's shell).
      const app = new AppShell(page);
      reopenedAt = i + 1 < POINTS ? PATHS[KINDS[(i + 1) % 3]!] : '/settings';
      await app.open(reopenedAt);
      laps.lap('reopen');
      const after = await dbFacts(page, [...acked.tags.map((t) => t.tag), ...tag], BULK_SOURCE);
      laps.lap('facts');

      // All of the batch or none of it.
      let committed: boolean;
      if (kind === 'import') {
        const added = after.leads - before.leads;
        expect([0, op.size], `${point}: leads added`).toContain(added);
        committed = added === op.size;
        if (committed)
          expect(after.batches.find((b) => b.fileName === op.fileName)).toMatchObject({
            status: 'committed',
            leads: op.size,
          });
        else expect(after.batches.find((b) => b.fileName === op.fileName)).toBeUndefined();
      } else if (kind === 'bulk') {
        const tagged = after.tagged[op.tag!]!;
        expect([0, op.size], `${point}: leads tagged`).toContain(tagged);
        committed = tagged === op.size;
      } else {
        const anonymised = after.anonymized - before.anonymized;
        expect([0, op.size], `${point}: leads anonymised`).toContain(anonymised);
        expect(after.leads).toBe(before.leads);
        committed = anonymised === op.size;
      }
      if (ackedBeforeKill) expect(committed, `${point}: the UI said it was done`).toBe(true);
      if (committed) acknowledge(op);
      checkInvariants(after);

      // The journal: done with the data, or still started and reported, or not yet written.
      const journal = after.operations.filter((o) => o.id > before.maxOperationId);
      expect(journal.length, `${point}: journal rows`).toBeLessThanOrEqual(1);
      const row = journal[0];
      const banner = page.getByRole('region', { name: /interrupted/ });
      if (committed) {
        expect(row?.state).toBe('done');
        tally.completed++;
        if (ackedBeforeKill) tally.completedAcked++;
      } else if (row) {
        expect(row.state).toBe('started');
        const item = banner.getByTestId('interrupted-operation').filter({ hasText: op.message });
        await expect(item).toBeVisible();
        if (tally.interrupted === 0) await page.screenshot({ path: `${OUT}/crash-interrupted-banner.png` });
        await item
          .getByRole('button', { name: /^Dismiss the notice about the (import|bulk edit|retention purge) / })
          .click();
        await expect(item).toBeHidden();
        interruptedIds.push(row.id);
        tally.interrupted++;
      } else {
        tally.beforeJournal++;
      }
      await expect(banner).toBeHidden();
      laps.lap('checks');
      tally.byKind[kind]++;
      console.log(
        `crash-safety · ${i} ${kind} (${killsBrowser(i) ? 'browser' : 'renderer'}, ${after.leads} leads): ${laps.line()}`,
      );
    }

    // At the end, every lead is scanned: the tags are on the selected source's leads and nowhere else.
    const final = await dbFacts(
      page,
      acked.tags.map((t) => t.tag),
      BULK_SOURCE,
      true,
    );
    checkInvariants(final);
    for (const id of interruptedIds) expect(final.operations.find((o) => o.id === id)?.state).toBe('acknowledged');
    expect(final.operations.filter((o) => o.state === 'started')).toEqual([]);
    const survived = tally.renderer + tally.browser;
    console.log(
      `crash-safety: ${survived}/${POINTS} kill points survived (seed ${SEED}; ${tally.renderer} renderer crashes, ${tally.browser} browser kills; ` +
        `import ${tally.byKind.import}, bulk edit ${tally.byKind.bulk}, purge ${tally.byKind.purge}): ${tally.beforeJournal} before the journal row, ` +
        `${tally.interrupted} interrupted mid-way (reported, nothing saved), ${tally.completed} committed (${tally.completedAcked} already shown as done)`,
    );
    expect(survived).toBe(POINTS);
    expect(tally.browser).toBeGreaterThanOrEqual(Math.min(3, Math.ceil(POINTS / 7)));
  } finally {
    await context.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }

  /** The counts before the click, and the newest journal row. */
  async function dbFactsFor() {
    const f = await dbCounts(page);
    return { leads: f.leads, anonymized: f.anonymized, maxOperationId: Math.max(0, ...f.operations.map((o) => o.id)) };
  }
});
