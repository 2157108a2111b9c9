/*
 * One CCC backend replica as its own process, for the crash take-over test:
 * Backstage's standard backend (real scheduler with its janitor, PostgreSQL
 * from the configuration given with --config) with only the CCC plugin. The
 * test kills the process with SIGKILL, as a crashed node would die.
 */
import { createBackend } from '@backstage/backend-defaults';
import { cccPlugin } from '../plugin';

const backend = createBackend();
backend.add(cccPlugin);
backend.start().catch(error => {
  console.error(error);
  process.exit(1);
});
