import { createApiRef } from '@backstage/core-plugin-api';
import {
  CccHealth,
  CccSystem,
  PairingToken,
  RegisterSystemRequest,
  RegisterSystemResponse,
  UpdateSystemRequest,
} from '@internal/plugin-ccc-common';

/** What the CCC frontend asks of the CCC backend. */
export interface CccApi {
  /** The backend's view of its database and of the device side. */
  getHealth(): Promise<CccHealth>;
  /** Systems the user may see. */
  listSystems(): Promise<CccSystem[]>;
  /** One system by id. */
  getSystem(id: string): Promise<CccSystem>;
  /** One system by serial number (entity pages know the serial from the annotation). */
  getSystemBySerial(serialNumber: string): Promise<CccSystem>;
  /** Registers a system and returns its first pairing token. */
  registerSystem(request: RegisterSystemRequest): Promise<RegisterSystemResponse>;
  /** Renames a system or changes how the device is reached. */
  updateSystem(id: string, request: UpdateSystemRequest): Promise<CccSystem>;
  /** Issues a new pairing token (the old one stops working); also re-pairs a system whose link was lost. */
  renewToken(id: string): Promise<PairingToken>;
  /** Cancels a pending pairing. */
  cancelToken(id: string): Promise<void>;
  /** Reads the device's state now instead of waiting for the next poll. */
  refreshSystem(id: string): Promise<CccSystem>;
  /** Deletes a system and all its data (owner only). */
  deleteSystem(id: string): Promise<void>;
}

/**
 * Reference to the {@link CccApi}. Created with core-plugin-api so that the
 * same ref serves legacy apps and the new frontend system.
 */
export const cccApiRef = createApiRef<CccApi>({ id: 'plugin.ccc.client' });
