export { EntityCccBackupContent } from './EntityCccBackupContent';
export { AssuranceChip } from './AssuranceChip';
export { ASSURANCE_RANK, ASSURANCE_STATUSES, useAssuranceTexts } from './assuranceTexts';
export type { AssuranceStatus, AssuranceTexts } from './assuranceTexts';
export { useAgeText } from './useAgeText';
