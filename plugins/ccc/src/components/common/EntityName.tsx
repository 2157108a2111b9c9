import { EntityDisplayName } from '@backstage/plugin-catalog-react';

const CATALOG_REF = /^(user|group):/;

/**
 * A user or group by its catalog name (with the full ref in a tooltip);
 * other actors of the audit trail (`device:<serial>`, `service:…`) as they are.
 */
export function EntityName({ entityRef }: { entityRef: string }) {
  if (!CATALOG_REF.test(entityRef)) return <>{entityRef}</>;
  return <EntityDisplayName entityRef={entityRef} hideIcon />;
}
