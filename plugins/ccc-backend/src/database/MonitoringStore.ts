import { CccPhone, CccTrunk } from '@internal/plugin-ccc-common';
import { MonitoringBucket } from '../monitoring/buckets';
import { CccSystemCriteria } from './systemFilter';

/** Counts of a system's last read phones and trunks, for the health score. */
export interface RegistrationSummary {
  phones: number;
  /** Phones registered, provisioned or (analogue) connected. */
  phonesOk: number;
  trunks: number;
  trunksNotRegistered: number;
  trunksUnencrypted: number;
}

/** CPU and memory of a system over a recent window, for the health score. */
export interface LoadSummary {
  cpuAvg: number;
  cpuMax: number;
  /** Used memory as a share of the installed memory, 0–1. */
  memShare: number;
}

/** Persistence of monitoring buckets and of the last read phone and trunk states. */
export interface MonitoringStore {
  /** Stored buckets of one resolution in [from, to), oldest first. */
  listBuckets(systemId: string, resolutionSeconds: number, from: string, to: string): Promise<MonitoringBucket[]>;
  /** Merges new buckets into stored ones (same start: counts and sums add up) and moves the cursor, atomically. */
  mergeBuckets(
    systemId: string,
    byResolution: Map<number, MonitoringBucket[]>,
    cursor: { kind: string; value: string; at: string },
  ): Promise<void>;
  /** Drops buckets of a resolution that started before `before`. */
  purgeBuckets(resolutionSeconds: number, before: string): Promise<number>;

  /** Replaces the phones and trunks stored for a system with what was just read. */
  replaceInventory(systemId: string, phones: CccPhone[], trunks: CccTrunk[]): Promise<void>;
  /** Phones of the systems matching the criteria, by system then name. */
  listPhones(query: { criteria?: CccSystemCriteria; systemId?: string; state?: string; limit: number; offset: number }): Promise<{ items: CccPhone[]; totalCount: number }>;
  /** Phone and trunk counts per system (systems never read are absent). */
  registrationSummaries(systemIds: string[]): Promise<Map<string, RegistrationSummary>>;
  /** CPU and memory per system from buckets of `resolutionSeconds` starting at or after `since`. */
  loadSummaries(systemIds: string[], resolutionSeconds: number, since: string): Promise<Map<string, LoadSummary>>;
  /** Trunks of the systems matching the criteria, by system then account name. */
  listTrunks(query: { criteria?: CccSystemCriteria; systemId?: string; state?: string; limit: number; offset: number }): Promise<{ items: CccTrunk[]; totalCount: number }>;
}
