import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_COMTREXX_SERIAL_NUMBER } from '@internal/plugin-ccc-common';

/**
 * Whether a catalog entity is a COMtrexx managed by the CCC, i.e. carries the
 * serial-number annotation. For `<EntityLayout.Route if={isCccSystemEntity}>`.
 */
export function isCccSystemEntity(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[ANNOTATION_COMTREXX_SERIAL_NUMBER]);
}
