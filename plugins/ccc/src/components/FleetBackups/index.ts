export { FleetBackupsPage } from './FleetBackupsPage';
