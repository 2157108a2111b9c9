import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { systemEntityRef } from '@internal/plugin-ccc-common';

/** A system's name linking to its catalog entity page. */
export function SystemEntityLink({ name, serialNumber }: { name: string; serialNumber: string }) {
  return <EntityRefLink entityRef={systemEntityRef(serialNumber)}>{name}</EntityRefLink>;
}
