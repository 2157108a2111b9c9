export { EntityCccRegistrationContent } from './EntityCccRegistrationContent';
export { PhonesTable } from './PhonesTable';
export type { SystemLabel } from './FleetAwareTable';
export { TrunksTable } from './TrunksTable';
export { StateLabel } from './StateLabel';
export { useRegistrationTexts } from './useRegistrationTexts';
