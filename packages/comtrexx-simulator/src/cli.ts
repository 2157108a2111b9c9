import { runCli } from './commands';

// Entry point of bin/comtrexx-simulator; the logic lives in runCli so that
// tests can drive it without a child process.
const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: stop.signal }).then(
  code => process.exit(code),
  error => {
    process.stderr.write(`comtrexx-simulator: ${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
