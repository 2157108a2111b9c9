import { createApiRef } from '@backstage/core-plugin-api';
import { CccHealth } from '@internal/plugin-ccc-common';

/** What the CCC frontend asks of the CCC backend. */
export interface CccApi {
  /** The backend's view of its database and of the device side. */
  getHealth(): Promise<CccHealth>;
}

/**
 * Reference to the {@link CccApi}. Created with core-plugin-api so that the
 * same ref serves legacy apps and the new frontend system.
 */
export const cccApiRef = createApiRef<CccApi>({ id: 'plugin.ccc.client' });
