/**
 * Frontend of the COMtrexx Control Center plugins. This entry point serves
 * legacy apps; the new frontend system imports `@internal/plugin-ccc/alpha`.
 *
 * @packageDocumentation
 */

export { cccPlugin, CccPage } from './plugin';
export { cccApiRef } from './api/CccApi';
export type { CccApi } from './api/CccApi';
export { CccClient } from './api/CccClient';
export { cccTranslationRef } from './translation';
