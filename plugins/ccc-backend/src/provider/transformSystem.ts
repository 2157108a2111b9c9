import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  type ResourceEntity,
} from '@backstage/catalog-model';
import { ANNOTATION_COMTREXX_SERIAL_NUMBER, type CccSystem } from '@internal/plugin-ccc-common';

/** Prefix of the entity names the provider emits. */
export const CCC_ENTITY_NAME_PREFIX = 'ccc-';

/** Catalog entity name of a system: `ccc-` plus its serial number in lower case. */
export function entityNameForSerialNumber(serialNumber: string): string {
  // The prefix keeps the names clear of entities that other providers or
  // locations own (a clash would be rejected as a conflicting entityRef).
  // Serial numbers are 10 to 12 letters and digits, so the result is always a
  // valid entity name well under the 63-character limit.
  return `${CCC_ENTITY_NAME_PREFIX}${serialNumber.toLowerCase()}`;
}

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
