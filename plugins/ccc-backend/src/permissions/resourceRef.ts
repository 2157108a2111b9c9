import { CCC_PLUGIN_ID, CccRole, RESOURCE_TYPE_CCC_SYSTEM } from '@internal/plugin-ccc-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { CccSystemFilter } from '../database/systemFilter';

/** A system as the permission rules see it: its owner and every role held on it. */
export interface CccSystemResource {
  id: string;
  ownerRef: string;
  /** Who holds which role: user refs, catalog group refs, CCC group members. */
  roles: Array<{ holderRef: string; role: CccRole }>;
}

/** The `ccc-system` permission resource; lives here because permission-node is node-only. */
export const cccSystemResourceRef = createPermissionResourceRef<CccSystemResource, CccSystemFilter>().with({
  pluginId: CCC_PLUGIN_ID,
  resourceType: RESOURCE_TYPE_CCC_SYSTEM,
});
