/**
 * Backend of the COMtrexx Control Center plugins.
 *
 * @packageDocumentation
 */

export { cccPlugin as default } from './plugin';
export { catalogModuleCccEntityProvider } from './module';
export { SecretBox } from './secrets/SecretBox';
