/** File names that say what a file is: `call-list_2026-11-29_1405_source-tradeshow.csv`. */
import type { LeadFilter } from '../leads/lead-filter';
import { formatInZone } from '../time/calendar';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

export function exportFileName(
  kind: 'call-list' | 'leads',
  filter: LeadFilter,
  at: number,
  timeZone: string,
  ext: 'csv' | 'xlsx',
): string {
  const parts = [kind, formatInZone(at, 'yyyy-MM-dd_HHmm', timeZone)];
  if (filter.source?.length) parts.push(`source-${filter.source.map(slug).join('+')}`);
  if (filter.campaign?.length) parts.push(`campaign-${filter.campaign.map(slug).join('+')}`);
  if (filter.cohort) parts.push(`cohort-${filter.cohort}`);
  if (filter.tags?.length) parts.push(`tag-${filter.tags.map(slug).join('+')}`);
  return `${parts.join('_').slice(0, 150)}.${ext}`;
}
