export { EntityCccCallDataContent } from './EntityCccCallDataContent';
