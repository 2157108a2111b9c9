import { DeviceFacts, DeviceState, StateReason, SystemSortColumn } from '@internal/plugin-ccc-common';
import { CccSystemCriteria } from './systemFilter';

/** A system as stored, secrets still sealed. */
export interface SystemRecord {
  id: string;
  name: string;
  serialNumber: string;
  ownerRef: string;
  catalogOwnerRef: string;
  state: DeviceState;
  stateReason: StateReason | null;
  stateMessage: string | null;
  tokenHash: string | null;
  tokenSealed: string | null;
  tokenExpiresAt: string | null;
  credentialsSealed: string | null;
  deviceFacts: DeviceFacts | null;
  deviceUrl: string | null;
  allowSelfSignedTls: boolean;
  firstRegisteredAt: string | null;
  lastSeenAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What {@link SystemStore.listPage} selects, sorts and pages. */
export interface SystemListQuery {
  /** Permission criteria (evaluated in SQL); none: every system. */
  criteria?: CccSystemCriteria;
  /** Text in the name or serial number, case-insensitive, matched literally. */
  text?: string;
  state?: DeviceState;
  sort: SystemSortColumn;
  order: 'asc' | 'desc';
  /** Page size; none: every matching system. */
  limit?: number;
  offset?: number;
}

/** Persistence of registered systems. */
export interface SystemStore {
  /** Inserts a new system; rejects with {@link DuplicateSerialError} when the serial number is taken. */
  insert(record: SystemRecord): Promise<void>;
  get(id: string): Promise<SystemRecord | undefined>;
  getBySerial(serialNumber: string): Promise<SystemRecord | undefined>;
  /** Systems ordered by name: all, or those matching permission criteria (evaluated in SQL). */
  list(criteria?: CccSystemCriteria): Promise<SystemRecord[]>;
  /** One page of the systems matching a query, sorted in SQL, and how many match in all. */
  listPage(query: SystemListQuery): Promise<{ records: SystemRecord[]; totalCount: number }>;
  /** Systems by id, in the order asked, undefined for unknown ids. */
  getMany(ids: string[]): Promise<Array<SystemRecord | undefined>>;
  /** Changes the given fields; returns the updated record, or undefined when it no longer exists. */
  update(id: string, patch: Partial<Omit<SystemRecord, 'id' | 'createdAt'>>): Promise<SystemRecord | undefined>;
  /** The oldest `lastSeenAt` of the paired systems (how stale the freshest poll round left the data). */
  oldestLastSeen(): Promise<string | undefined>;
  /** Deletes a system; returns whether it existed. */
  delete(id: string): Promise<boolean>;
  /** Reads a plugin-state flag. */
  getState(key: string): Promise<string | undefined>;
  /** Writes a plugin-state flag. */
  setState(key: string, value: string): Promise<void>;
}

/** Thrown by {@link SystemStore.insert} when the serial number is already registered. */
export class DuplicateSerialError extends Error {
  constructor(serialNumber: string) {
    super(`A COMtrexx with serial number ${serialNumber} is already registered`);
    this.name = 'DuplicateSerialError';
  }
}
