export { EntityCccRegistrationContent } from './EntityCccRegistrationContent';
export { PhonesTable } from './PhonesTable';
export type { SystemLabel } from './PhonesTable';
export { TrunksTable } from './TrunksTable';
export { StateLabel } from './StateLabel';
export { useRegistrationTexts } from './useRegistrationTexts';
