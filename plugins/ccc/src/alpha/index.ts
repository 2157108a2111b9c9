/**
 * The CCC frontend plugin for the new frontend system.
 *
 * @packageDocumentation
 */

export { default } from './plugin';
export { cccTranslationRef } from '../translation';
