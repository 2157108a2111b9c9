import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  type ResourceEntity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_COMTREXX_SERIAL_NUMBER,
  type CccSystem,
  entityNameForSerialNumber,
} from '@internal/plugin-ccc-common';

function descriptionOf(system: CccSystem): string {
  if (system.device) {
    return `${system.device.model}, firmware ${system.device.firmwareVersion}`;
  }
  // Paired but not read yet happens between the pairing and the first poll;
  // calling that "not yet paired" would send people to pair it again.
  return system.paired ? 'COMtrexx, device details not read yet' : 'COMtrexx, not yet paired';
}

/**
 * Turns a registered COMtrexx into a `kind: Resource` entity of type `pbx`;
 * `cccBaseUrl` is the ccc backend's base URL, which the location annotations point to.
 */
export function transformSystem(system: CccSystem, cccBaseUrl: string): ResourceEntity {
  // The system's page in the ccc API is where this entity comes from; both
  // annotations are set because the catalog expects them on provided entities.
  const location = `url:${cccBaseUrl.replace(/\/+$/, '')}/systems/${encodeURIComponent(system.id)}`;

  // Only public facts go in: the catalog is readable by everyone who can
  // browse it, so no credentials, tokens or pairing codes.
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: entityNameForSerialNumber(system.serialNumber),
      namespace: DEFAULT_NAMESPACE,
      title: system.name,
      description: descriptionOf(system),
      annotations: {
        [ANNOTATION_COMTREXX_SERIAL_NUMBER]: system.serialNumber,
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
      },
      tags: ['comtrexx', 'pbx'],
    },
    spec: {
      type: 'pbx',
      owner: system.catalogOwnerRef,
      dependsOn: [],
      dependencyOf: [],
    },
  };
}
