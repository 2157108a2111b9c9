export { AuditTrail, AUDIT_PAGE_SIZE } from './AuditTrail';
