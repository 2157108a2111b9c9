/**
 * Backend of the COMtrexx Control Center plugins.
 *
 * @packageDocumentation
 */

export { cccPlugin as default } from './plugin';
export { catalogModuleCccEntityProvider } from './module';
export { SecretBox } from './secrets/SecretBox';
export { permissionModuleCccPolicy } from './permissions/policyModule';
export { CccPermissionDecider } from './permissions/CccPermissionDecider';
export { CccPermissionPolicy, type FallbackDecision } from './permissions/CccPermissionPolicy';
export { cccSystemConditions, createCccSystemConditionalDecision } from './permissions/conditionExports';
export { cccSystemResourceRef, type CccSystemResource } from './permissions/resourceRef';
export { cccSystemRules, hasSystemRole, isSystemOwner } from './permissions/rules';
export type { CccSystemFilter } from './database/systemFilter';
export { rotateEncryptionKey, type RotationResult } from './secrets/rotateEncryptionKey';
