import { CccPhone, CccTrunk } from '@internal/plugin-ccc-common';

/** Phones and provider accounts of one system, read live from the device. */
export interface CccRegistrationStatus {
  phones: CccPhone[];
  trunks: CccTrunk[];
}

/** Filter and page of the fleet phone and provider views (last known state of every system the user sees). */
export interface FleetStatusQuery {
  systemId?: string;
  /** A phone state, or a STUN or registration state of an account. */
  state?: string;
  limit?: number;
  offset?: number;
}

/** One page of a fleet view and how many rows match in total. */
export interface FleetStatusPage<T> {
  items: T[];
  totalCount: number;
}

/** A one-time link to the device's web interface; it must be opened before `openBy`. */
export interface CccRemoteLink {
  url: string;
  expiresAt: string;
  openBy: string;
}

/** Whether the device has a remote-access session open (the "active connection" indicator). */
export interface CccRemoteSessionState {
  active: boolean;
  expiresAt?: string;
}

// The shared types the monitoring methods use, so that CccApi and CccClient import them in one place.
export type {
  CccMonitoringSeries,
  CccPhone,
  CccScorecard,
  CccTrunk,
  MonitoringRange,
} from '@internal/plugin-ccc-common';
