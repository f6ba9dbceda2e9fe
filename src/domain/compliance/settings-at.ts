/**
 * The organisation's settings as they stood at a past instant. Every change is audited with
 * the values before and after, so today's settings with every later change undone (newest
 * first) are the settings then — the policy a past call was judged under.
 */
import { settingsSchema, type Settings } from '../settings/settings';

export interface SettingsChange {
  seq: number;
  at: number;
  before: unknown;
}

/** `current`, with the changes made after `at` undone. Unreadable entries are skipped. */
export function settingsAt(current: Settings, changes: readonly SettingsChange[], at: number): Settings {
  const later = changes.filter((c) => c.at > at).sort((a, b) => b.seq - a.seq);
  let settings = current;
  for (const change of later) {
    const before = settingsSchema.partial().safeParse(change.before);
    if (before.success) settings = { ...settings, ...before.data };
  }
  return settings;
}
