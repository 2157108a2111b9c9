import { CccScorecard } from '@internal/plugin-ccc-common';

/** Columns the health table sorts by. */
export type ScorecardSortKey = 'name' | 'score';

/** Sort column and direction of the health table. */
export interface ScorecardOrder {
  key: ScorecardSortKey;
  direction: 'asc' | 'desc';
}

/**
 * Sorts scorecards without changing the input. A missing score (nothing
 * could be checked) sorts after every score, as the backend does; ties go by name.
 */
export function sortScorecards(cards: readonly CccScorecard[], order: ScorecardOrder): CccScorecard[] {
  const byName = (a: CccScorecard, b: CccScorecard) => a.name.localeCompare(b.name);
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...cards].sort((a, b) => {
    if (order.key === 'name') return sign * byName(a, b) || a.systemId.localeCompare(b.systemId);
    if (a.score === null || b.score === null) {
      // Unscored systems stay at the end in both directions: they have nothing to compare.
      if (a.score === b.score) return byName(a, b);
      return a.score === null ? 1 : -1;
    }
    return sign * (a.score - b.score) || byName(a, b);
  });
}
