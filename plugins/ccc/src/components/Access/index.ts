export { EntityCccAccessContent } from './EntityCccAccessContent';
export { GrantDialog } from './GrantDialog';
export type { GrantTarget } from './GrantDialog';
export { RolePermissionsTable } from './RolePermissionsTable';
