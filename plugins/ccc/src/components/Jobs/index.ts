export { JobProgress } from './JobProgress';
export { RESTART_PHASES, useJobTexts } from './jobTexts';
export type { JobTexts } from './jobTexts';
export { JOB_POLL_INTERVAL_MS, useJobFollower } from './useJobFollower';
export type { JobFollower } from './useJobFollower';
