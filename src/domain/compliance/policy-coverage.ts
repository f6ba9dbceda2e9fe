/**
 * Which regions of the stored leads no active policy preset governs. Such leads are judged by
 * the organisation's rules alone — no calling hours at all (00:00–24:00), no national DNC list
 * age — which looks like "callable" but only because no law was asked. The fix suggested is the
 * national presets of those regions.
 */
import { POLICY_PRESETS, type PresetId } from './policy-presets';

/** State-level presets: they govern a part of a country, so they are never suggested for the whole of it. */
const SUB_NATIONAL: ReadonlySet<PresetId> = new Set<PresetId>(['florida']);

/** A preset that names the region (the organisation preset, for every lead, does not count). */
const governs = (id: PresetId, region: string) =>
  POLICY_PRESETS.some((p) => p.id === id && p.id !== 'organisation' && p.regions.includes(region));

/** Regions among `regions` (ISO codes; 'ZZ' = unknown, skipped) that no active preset governs, in the order given. */
export function uncoveredRegions(regions: readonly string[], activePresets: readonly string[]): string[] {
  return regions.filter((r) => r !== 'ZZ' && r !== '' && !activePresets.some((id) => governs(id as PresetId, r)));
}

/** The national presets that would govern `regions`, in the order of the preset table (none that is active already). */
export function presetsForRegions(regions: readonly string[], activePresets: readonly string[]): PresetId[] {
  return POLICY_PRESETS.filter(
    (p) =>
      p.id !== 'organisation' &&
      !SUB_NATIONAL.has(p.id) &&
      !activePresets.includes(p.id) &&
      regions.some((r) => p.regions.includes(r)),
  ).map((p) => p.id);
}
