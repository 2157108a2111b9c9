/** The checks of a system's health score, in display order. */
export const SCORE_CHECKS = ['reachable', 'maintenance', 'firmware', 'backup', 'trunks', 'phones', 'smtp', 'load'] as const;

/** One check of the health score. */
export type ScoreCheckId = (typeof SCORE_CHECKS)[number];

/** Outcome of one check. */
export type ScoreCheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

/** One check with its outcome and the facts that explain it (the UI turns them into a sentence). */
export interface CccScoreCheck {
  id: ScoreCheckId;
  status: ScoreCheckStatus;
  /** English explanation, for the API and logs. */
  message: string;
  /** The numbers behind it, e.g. `{ daysLeft: 12 }`. */
  facts: Record<string, string | number | boolean | null>;
}

/** A system's health: a score from 0 to 100 and the checks it is made of. */
export interface CccScorecard {
  systemId: string;
  name: string;
  serialNumber: string;
  /** Weighted share of passed checks (warn counts half); null when no check could be made. */
  score: number | null;
  checks: CccScoreCheck[];
}
