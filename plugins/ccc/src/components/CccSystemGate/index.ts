export { CccSystemGate } from './CccSystemGate';
export type { CccSystemGateProps } from './CccSystemGate';
