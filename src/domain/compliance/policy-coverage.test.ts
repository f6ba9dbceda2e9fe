import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from './policy-presets';
import { presetsForRegions, uncoveredRegions } from './policy-coverage';

const US_ONLY = ['us-tsr', 'us-tcpa', 'organisation'];

describe('uncoveredRegions', () => {
  it('GB and CN leads with only the US presets active are uncovered; US leads are covered', () => {
    expect(uncoveredRegions(['US', 'GB', 'CN'], US_ONLY)).toEqual(['GB', 'CN']);
  });
  it('the organisation preset (every lead) does not count as covering a country; an unknown region is skipped', () => {
    expect(uncoveredRegions(['GB', 'ZZ'], ['organisation'])).toEqual(['GB']);
  });
  it('a region is covered by any active preset that names it (GB by UK TPS or by EU GDPR)', () => {
    expect(uncoveredRegions(['GB'], ['uk-tps'])).toEqual([]);
    expect(uncoveredRegions(['GB', 'DE'], ['eu-gdpr'])).toEqual([]);
  });
  it('a region with no preset at all (JP) stays uncovered, and nothing is suggested for it', () => {
    expect(uncoveredRegions(['JP'], US_ONLY)).toEqual(['JP']);
    expect(presetsForRegions(['JP'], US_ONLY)).toEqual([]);
  });
});

describe('presetsForRegions', () => {
  it('suggests the national presets of GB and CN, in the preset table’s order, never Florida', () => {
    expect(presetsForRegions(['GB', 'CN'], US_ONLY)).toEqual(['uk-tps', 'eu-gdpr', 'china']);
    expect(presetsForRegions(['US'], ['organisation'])).toEqual(['us-tsr', 'us-tcpa']);
  });
  it('property: once the suggested presets are active, every region that has a preset is covered', () => {
    const regions = [...new Set(POLICY_PRESETS.flatMap((p) => p.regions))].filter((r) => r !== '*');
    const ids = POLICY_PRESETS.map((p) => p.id);
    fc.assert(
      fc.property(fc.subarray(regions), fc.subarray(ids), (present, active) => {
        const after = [...active, ...presetsForRegions(uncoveredRegions(present, active), active)];
        expect(uncoveredRegions(present, after)).toEqual([]);
      }),
    );
  });
});
