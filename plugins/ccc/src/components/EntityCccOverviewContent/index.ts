export { EntityCccOverviewContent } from './EntityCccOverviewContent';
