export { FleetAuditPage } from './FleetAuditPage';
