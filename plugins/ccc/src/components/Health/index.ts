export { HealthPage } from './HealthPage';
export { HealthSummary } from './HealthSummary';
export { MaintenanceWarning } from './MaintenanceWarning';
export { MaintenanceWarningIcon } from './MaintenanceWarningIcon';
export { SystemEntityLink } from './SystemEntityLink';
