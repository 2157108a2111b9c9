export { FleetPhonesPage } from './FleetPhonesPage';
export { FleetTrunksPage } from './FleetTrunksPage';
