import { describe, expect, it } from 'vitest';
import { rejection } from './rejection';
import { EMPTY_COUNTS, RowAccumulator, SHOWN_PROBLEMS, blockedSummary, summaryOfRows } from './import-analysis';

describe('the summaries every import kind shares', () => {
  it('a blocked file counts nothing and names its problem', () => {
    const s = blockedSummary('calls', { code: 'undecodable' });
    expect(s).toMatchObject({ kind: 'calls', fileProblem: { code: 'undecodable' }, counts: EMPTY_COUNTS });
    expect([s.asks, s.rejections, s.warnings, s.newSources, s.newCampaigns]).toEqual([[], [], [], [], []]);
  });

  it('an empty file is a no-rows problem', () => {
    expect(summaryOfRows('leads', new RowAccumulator<string>()).fileProblem).toEqual({ code: 'no-rows' });
  });

  it('counts the rows read, shows the first rejections and keeps the count of all of them', () => {
    const acc = new RowAccumulator<string>();
    acc.add({ line: 2 }, { ok: true, value: 'a' });
    for (let line = 3; line < 3 + SHOWN_PROBLEMS + 5; line++)
      acc.add({ line }, { ok: false, rejections: [rejection(line, 'phone', 'phone-invalid')] });
    const s = summaryOfRows('leads', acc);
    expect(s.fileProblem).toBeNull();
    expect(s.counts).toMatchObject({ rowsRead: SHOWN_PROBLEMS + 6, rejected: SHOWN_PROBLEMS + 5 });
    expect(s.rejections).toHaveLength(SHOWN_PROBLEMS);
    expect(s.problemCount).toBe(SHOWN_PROBLEMS + 5);
  });
});
