/**
 * The one categorical palette of the cohort charts: Okabe–Ito (Okabe & Ito 2008), chosen so
 * neighbouring series stay apart under protanopia, deuteranopia and tritanopia. Its yellow
 * (#F0E442, 1.3:1 on white) is left out: thin bars and lines in it vanish on a white chart.
 * A series' colour depends only on its rank in the range's series order (most leads first),
 * never on the page, the metric or which series are drawn, so a colour means one series
 * across every view. Ranks past the palette, and "other", are grey.
 */
export const CATEGORY_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#000000'] as const;

/** The colour of "other" and of series beyond the named top ones (3.5:1 on white). */
export const OTHER_COLOR = '#808080';

/** How many series a combined chart names before it groups the rest as "other". */
export const TOP_SERIES = 6;

/** The colour of the series at `rank` (0 = most leads) when the top `top` series are named. */
export function seriesColor(rank: number, top = TOP_SERIES): string {
  return rank >= 0 && rank < Math.min(top, CATEGORY_PALETTE.length) ? CATEGORY_PALETTE[rank]! : OTHER_COLOR;
}
