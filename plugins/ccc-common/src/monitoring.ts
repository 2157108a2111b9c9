import { z } from 'zod';

/** Ranges of the monitoring charts. */
export const MONITORING_RANGES = ['hour', 'day', 'week', 'month'] as const;

/** A range of the monitoring charts. */
export type MonitoringRange = (typeof MONITORING_RANGES)[number];

/** One point of the CPU and memory charts (a time bucket). */
export interface CccMonitoringPoint {
  ts: string;
  cpuAvg: number;
  cpuMin: number;
  cpuMax: number;
  memUsedAvg: number;
  memUsedMax: number;
  memTotal: number;
}

/** The monitoring tab of one system. */
export interface CccMonitoringSeries {
  range: MonitoringRange;
  resolutionSeconds: number;
  /** Whether the device allows recording ("Aufzeichnung von Anlagendaten"); null while unknown. */
  recordingEnabled: boolean | null;
  points: CccMonitoringPoint[];
}

/** Query of `GET /systems/:id/monitoring`. */
export const monitoringQuerySchema = z
  .object({ range: z.enum(MONITORING_RANGES, { message: `range is one of ${MONITORING_RANGES.join(', ')}` }).default('day') })
  .strict();

/** The eight phone states of the manual ("Telefon Status"). */
export const PHONE_STATES = [
  'no_provisioning_file',
  'provisioning_pending',
  'provisioned',
  'registered_encrypted',
  'registered_unencrypted',
  'not_registered',
  'unknown',
  'analog_connected',
] as const;

/** A phone's state. */
export type PhoneState = (typeof PHONE_STATES)[number];

/** One phone of a system. */
export interface CccPhone {
  systemId: string;
  id: string;
  name: string;
  macAddress: string | null;
  type: 'ip' | 'dect-base' | 'analog';
  manufacturer: string | null;
  model: string;
  firmwareVersion: string | null;
  userNumber: string | null;
  status: PhoneState;
  readAt: string;
}

/** STUN states of a provider account (manual: "Provider und Accounts"). */
export const STUN_STATES = ['stun_none', 'stun_ok', 'stun_offline', 'stun_failed', 'invite_answered', 'config_error'] as const;

/** Registration states of a provider account. */
export const TRUNK_REGISTRATION_STATES = ['not_registered', 'registered_unencrypted', 'registered_encrypted'] as const;

/** One provider account of a system. */
export interface CccTrunk {
  systemId: string;
  id: string;
  accountName: string;
  providerName: string;
  stunState: (typeof STUN_STATES)[number];
  registrationState: (typeof TRUNK_REGISTRATION_STATES)[number];
  lastChange: string | null;
  readAt: string;
}

/** Query of the fleet views `GET /phones` and `GET /trunks`. */
export const fleetStatusQuerySchema = z
  .object({
    systemId: z.string().uuid('systemId must be a system id').optional(),
    state: z.string().trim().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
