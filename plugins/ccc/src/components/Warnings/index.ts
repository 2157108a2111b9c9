export { EntityCccWarningsContent } from './EntityCccWarningsContent';
export { SeverityLabel } from './SeverityLabel';
export { SystemWarnings } from './SystemWarnings';
