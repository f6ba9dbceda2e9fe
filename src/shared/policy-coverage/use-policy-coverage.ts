/**
 * Regions of the stored leads that no active policy preset governs, read off the grid engine
 * (its region facet, and a count per such region), and the one-click fix: activate the national
 * presets of those regions — a settings change, audited like any other.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getDb } from '../../db/leads-db';
import { getSettings, saveSettings } from '../../db/repos/settings-repo';
import { presetsForRegions, uncoveredRegions } from '../../domain/compliance/policy-coverage';
import { useDataVersion } from '../engine/data-signal';
import { gridWorker } from '../engine/grid-worker';

export interface UncoveredRegion {
  region: string;
  leads: number;
}

export function usePolicyCoverage() {
  const version = useDataVersion();
  const client = useQueryClient();
  // Read again at every change the engine applied (a settings write is one) and after the fix below.
  const settings = useQuery({
    queryKey: ['policy-coverage-settings', version],
    queryFn: () => getSettings(getDb()),
    networkMode: 'always',
    staleTime: Infinity,
  }).data;
  const active = settings?.policyPresets ?? [];
  const regions = useQuery({
    queryKey: ['policy-coverage-regions', version],
    queryFn: async () => (await gridWorker().facets()).regions,
    networkMode: 'always',
    staleTime: Infinity,
  });
  const candidates = settings && regions.data ? uncoveredRegions(regions.data, active) : [];
  // The facet lists every region the columns ever held: count each, and keep those with leads now.
  const counted = useQuery({
    queryKey: ['policy-coverage-counts', version, candidates.join(',')],
    enabled: candidates.length > 0,
    networkMode: 'always',
    staleTime: Infinity,
    queryFn: async (): Promise<UncoveredRegion[]> => {
      const out: UncoveredRegion[] = [];
      for (const region of candidates)
        out.push({ region, leads: (await gridWorker().query({ region: [region] }, undefined)).count });
      return out.filter((r) => r.leads > 0).sort((a, b) => b.leads - a.leads);
    },
  });
  const uncovered = candidates.length === 0 ? [] : (counted.data ?? []);
  const suggested = presetsForRegions(
    uncovered.map((u) => u.region),
    active,
  );
  const activate = useMutation({
    mutationFn: () => saveSettings(getDb(), { policyPresets: [...new Set([...active, ...suggested])] }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['policy-coverage-settings'] }),
    networkMode: 'always',
  });
  return { uncovered, suggested, activate };
}
