import { z } from 'zod';
import { isValidSerialNumber, normalizeSerialNumber } from './serialNumber';
import { MIN_FIRMWARE_VERSION } from './constants';

/** Device states of a registered system (manual: "Gerätezustand"). */
export const DEVICE_STATES = ['token_pending', 'paired_ok', 'paired_restricted', 'error', 'unknown'] as const;

/** Device state of a registered system. */
export type DeviceState = (typeof DEVICE_STATES)[number];

/**
 * Why a system is in its state, when that needs explaining: restricted
 * (maintenance, firmware) or in error (expired token, unreachable, access
 * revoked on the device, pairing cancelled).
 */
export const STATE_REASONS = [
  'token_expired',
  'not_paired',
  'access_revoked',
  'unreachable',
  'rebooting',
  'locked_out',
  'device_error',
  'maintenance_inactive',
  'firmware_too_old',
] as const;

/** Why a system is in its state. */
export type StateReason = (typeof STATE_REASONS)[number];

/** A pairing token (Bestätigungscode) while it is pending. */
export interface PairingToken {
  code: string;
  /** ISO-8601; 24 h after it was issued. */
  expiresAt: string;
}

/** What the CCC last read from the device itself. */
export interface DeviceFacts {
  model: string;
  firmwareVersion: string;
  macAddress?: string;
  hostname?: string;
  maintenance: { active: boolean; validUntil: string | null };
  monitoringEnabled?: boolean;
  remoteConfigEnabled?: boolean;
  /** Whether a remote-configuration session to the device is open ("active connection"), as of the last poll. */
  remoteSessionActive?: boolean;
}

/** How the backend reaches the device, when it should not use the configured URL template. */
export interface DeviceAddress {
  /** Direct base URL of the device; null: the configured template keyed by serial number. */
  url: string | null;
  /** Accept a self-signed TLS certificate (devices usually have one). */
  allowSelfSignedTls: boolean;
}

/** A COMtrexx registered in the CCC, as the API returns it. Never contains credentials. */
export interface CccSystem {
  id: string;
  name: string;
  serialNumber: string;
  /** The registering user: the owner, the only one who may delete the system. */
  ownerRef: string;
  /** `spec.owner` of the catalog entity: the registering user or a group chosen at registration. */
  catalogOwnerRef: string;
  state: DeviceState;
  stateReason: StateReason | null;
  /** Detail for people, e.g. the error the device gave. */
  stateMessage: string | null;
  /** Whether the CCC holds working device credentials. */
  paired: boolean;
  /** Present while a token is pending (also after it expired, to show when). */
  token: PairingToken | null;
  /** First successful pairing ("Erstanmeldung"). */
  firstRegisteredAt: string | null;
  lastSeenAt: string | null;
  createdAt: string;
  updatedAt: string;
  device: DeviceFacts | null;
  deviceAddress: DeviceAddress;
}

/** Body of `POST /systems`. */
export const registerSystemRequestSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name for the system').max(100, 'The name may have at most 100 characters'),
  serialNumber: z
    .string()
    .transform(normalizeSerialNumber)
    .refine(isValidSerialNumber, {
      message: 'The serial number must be 10 to 12 letters and digits, as shown on the COMtrexx dashboard',
    }),
  /** Catalog group (e.g. `group:default/telephony`) to own the entity; default: the registering user. */
  catalogOwnerRef: z
    .string()
    .regex(/^group:[\w.-]+\/[\w.-]+$/, 'The catalog owner must be a group reference like group:default/telephony')
    .optional(),
});

/** Body of `POST /systems`. */
export type RegisterSystemRequest = z.input<typeof registerSystemRequestSchema>;

/** Most systems one bulk registration may hold. */
export const MAX_BULK_REGISTRATION = 1000;

/** Body of `POST /systems/bulk`: rows are checked one by one, so one bad row does not stop the others. */
export const bulkRegisterRequestSchema = z
  .object({
    items: z
      .array(z.unknown())
      .min(1, 'Give at least one system')
      .max(MAX_BULK_REGISTRATION, `At most ${MAX_BULK_REGISTRATION} systems at once`),
  })
  .strict();

/** The outcome of one row of a bulk registration. */
export interface BulkRegistrationResult {
  /** Position in the request, from 1. */
  row: number;
  serialNumber: string | null;
  ok: boolean;
  systemId?: string;
  /** The first confirmation code of a registered system. */
  token?: PairingToken;
  /** Why the row was refused, in words. */
  error?: string;
}

/** Answer of `POST /systems`. */
export interface RegisterSystemResponse {
  system: CccSystem;
  token: PairingToken;
}

/** Body of `PATCH /systems/:id`. */
export const updateSystemRequestSchema = z
  .object({
    name: registerSystemRequestSchema.shape.name.optional(),
    deviceAddress: z
      .object({
        url: z
          .string()
          .trim()
          .url('The device address must be a full URL such as https://192.0.2.10')
          .refine(u => /^https?:\/\//.test(u), 'The device address must start with http:// or https://')
          .nullable()
          .optional(),
        allowSelfSignedTls: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine(v => v.name !== undefined || v.deviceAddress !== undefined, 'Nothing to change: send a name or a deviceAddress');

/** Body of `PATCH /systems/:id`. */
export type UpdateSystemRequest = z.input<typeof updateSystemRequestSchema>;

/** Body of `POST /pairing`, sent by the device when an admin confirms the token on it. */
export const pairingRequestSchema = z.object({
  serialNumber: z.string().transform(normalizeSerialNumber),
  token: z.string().trim().min(1, 'The confirmation code is missing').max(64),
  credentials: z.object({
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(500),
  }),
});

/** Body of `POST /pairing`. */
export type PairingRequest = z.input<typeof pairingRequestSchema>;

/** Why a system can or cannot be managed beyond system info and licences. */
export interface SystemGate {
  manageable: boolean;
  /** Set when not manageable. */
  reason: 'not_paired' | 'maintenance_inactive' | 'firmware_too_old' | null;
}

/**
 * The one gate every CCC function checks (manual, version 2.6: management
 * only with active maintenance and firmware of at least 2.4.4). System info
 * and licences stay available without it.
 */
export function systemGate(system: Pick<CccSystem, 'paired' | 'device'>): SystemGate {
  if (!system.paired || !system.device) {
    return { manageable: false, reason: 'not_paired' };
  }
  if (compareFirmware(system.device.firmwareVersion, MIN_FIRMWARE_VERSION) < 0) {
    return { manageable: false, reason: 'firmware_too_old' };
  }
  if (!system.device.maintenance.active) {
    return { manageable: false, reason: 'maintenance_inactive' };
  }
  return { manageable: true, reason: null };
}

/**
 * Compares dotted firmware versions numerically (`2.4.10` > `2.4.4`); a
 * missing part counts as 0 and trailing letters are ignored.
 */
export function compareFirmware(a: string, b: string): number {
  const parts = (v: string) => v.split('.').map(p => parseInt(p, 10) || 0);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

/** Voucher Center page with the device information and licences of a serial number. */
export function licencePageUrl(serialNumber: string): string {
  // The Voucher Center's device page; the exact deep link is not public, so this opens its search by serial number.
  return `https://www.auerswald-voucher-center.de/geraete?serial=${encodeURIComponent(serialNumber)}`;
}
