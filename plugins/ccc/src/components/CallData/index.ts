export { EntityCccCallDataContent } from './EntityCccCallDataContent';
export { FleetCallData } from './FleetCallData';
