import { createBackupState, DeviceBackupState } from './backups';
import { DeviceFaults, noFaults } from './faults';
import { createFirmwareState, DeviceFirmwareState } from './firmware';
import { createInventory, PhoneStatus, TrunkStatus } from './inventory';
import { createSeededRandom, SeededRandom } from './random';

/** COMtrexx variants (COMtrexx help, licences). */
export type ComtrexxModel = 'COMtrexx Business' | 'COMtrexx Advanced' | 'COMtrexx VM';

/** Pairing state of a device with the CCC (domain §3.2 also lists 'pending' and 'error'; not simulated yet). */
export type CccAccessState = 'none' | 'confirmed';

/** The device's view of its pairing with the CCC (cloud console). */
export interface DeviceCccAccess {
  state: CccAccessState;
  /** The API user the device created for the CCC when it was paired; null while unpaired. */
  apiUser: { username: string; password: string } | null;
  /** ISO timestamp of the last successful pairing. */
  confirmedAt: string | null;
  /** Device-side switch: the CCC may read monitoring data. */
  monitoringEnabled: boolean;
  /** Device-side switch: the CCC may open remote configuration sessions. */
  remoteConfigEnabled: boolean;
}

/** The state of one simulated COMtrexx. */
export interface SimulatedDevice {
  serialNumber: string;
  hostname: string;
  model: ComtrexxModel;
  firmwareVersion: string;
  macAddress: string;
  /** Software maintenance ("COMtrexx Maintenance"); without it the CCC may only read system info and licences. */
  maintenance: { active: boolean; validUntil: string | null };
  bootedAt: string;
  userLicences: { used: number; total: number };
  /** Pairing with the CCC; every new fleet starts unpaired. */
  ccc: DeviceCccAccess;
  /** Injected faults; all off in a new fleet, except the CallDataId quirk of device {@link CALL_DATA_ID_ZERO_INDEX}. */
  faults: DeviceFaults;
  /** Phones, DECT bases and analogue devices with their status. */
  phones: PhoneStatus[];
  /** SIP accounts (trunks) with their status. */
  trunks: TrunkStatus[];
  /** Remote backup: setup on the device, backups on the server, jobs and schedule. */
  backup: DeviceBackupState;
  /** Firmware updates: running and finished ones, and whether the update server is reachable. */
  firmware: DeviceFirmwareState;
}

/** Options for {@link createFleet}. */
export interface FleetOptions {
  /** Seed of the generator; the same seed gives the same fleet. */
  seed?: number;
  /** Number of devices (at least 1). */
  size?: number;
  /** The moment the fleet is created at; maintenance dates are relative to it. */
  now?: Date;
}

const MODELS: readonly ComtrexxModel[] = ['COMtrexx Business', 'COMtrexx Advanced', 'COMtrexx VM'];
// 2.4.4 is the lowest version the CCC supports; patch levels above it are invented.
const CURRENT_FIRMWARE = ['2.4.4', '2.4.6', '2.6.0', '2.6.2'];
const TOO_OLD_FIRMWARE = '2.4.2';
/** Index of the fleet member whose call data reports CallDataId 0 everywhere, as a real firmware did (domain §2.1). */
export const CALL_DATA_ID_ZERO_INDEX = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Builds a deterministic fleet. Most devices are healthy; the fleet always
 * contains the awkward cases the CCC must handle: one device whose firmware is
 * too old (index 1) and one whose maintenance has expired (index 2), when the
 * fleet is large enough to hold them. Every device starts unpaired; most
 * allow monitoring and some remote configuration. Device 0 allows both and
 * device 3 refuses monitoring, so demos always have both cases. Most devices
 * have remote backup set up with a few past backups; device 0 always, device 4
 * never. Device 5 has the all-zero CallDataId quirk (fault switch `callDataIdZero`).
 */
export function createFleet(options: FleetOptions = {}): SimulatedDevice[] {
  const { seed = 4711, size = 12, now = new Date() } = options;
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`Fleet size must be a whole number of at least 1, got ${size}`);
  }
  const random = createSeededRandom(seed);
  // A separate stream for the CCC flags, so that adding them did not change
  // the serial numbers and other values existing seeds already produced.
  const cccRandom = createSeededRandom((seed ^ 0x0ccc0ccc) >>> 0);
  const devices: SimulatedDevice[] = [];
  const serials = new Set<string>();
  for (let index = 0; index < size; index++) {
    let serialNumber: string;
    do {
      serialNumber = `CTX${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
    } while (serials.has(serialNumber));
    serials.add(serialNumber);
    const model = random.pick(MODELS);
    const firmwareVersion = index === 1 ? TOO_OLD_FIRMWARE : random.pick(CURRENT_FIRMWARE);
    const maintenanceActive = index !== 2;
    const validUntil = maintenanceActive
      ? new Date(now.getTime() + random.int(20, 700) * DAY_MS)
      : new Date(now.getTime() - random.int(1, 90) * DAY_MS);
    const total = model === 'COMtrexx VM' ? random.int(3, 50) : random.int(20, 500);
    const base: Omit<SimulatedDevice, 'backup' | 'firmware'> = {
      serialNumber,
      hostname: `comtrexx-${String(index + 1).padStart(2, '0')}`,
      model,
      firmwareVersion,
      // 00:09:52 is the Auerswald OUI.
      macAddress: ['00', '09', '52', hex(random.int(0, 255)), hex(random.int(0, 255)), hex(index)]
        .join(':')
        .toUpperCase(),
      maintenance: {
        active: maintenanceActive,
        validUntil: validUntil.toISOString().slice(0, 10),
      },
      bootedAt: new Date(now.getTime() - random.int(1, 120) * DAY_MS).toISOString(),
      userLicences: { used: random.int(1, total), total },
      ccc: cccDefaults(index, cccRandom),
      faults: { ...noFaults(), callDataIdZero: index === CALL_DATA_ID_ZERO_INDEX },
      ...createInventory(seed, index, model, now),
    };
    devices.push({
      ...base,
      backup: createBackupState(seed, index, base, now),
      firmware: createFirmwareState(seed, index, base),
    });
  }
  return devices;
}

function cccDefaults(index: number, random: SeededRandom): DeviceCccAccess {
  // Draw both values for every device so that each device's flags depend only
  // on the seed and its index, not on the fixed cases below.
  let monitoringEnabled = random.next() < 0.85;
  let remoteConfigEnabled = random.next() < 0.35;
  if (index === 0) {
    monitoringEnabled = true;
    remoteConfigEnabled = true;
  } else if (index === 3) {
    monitoringEnabled = false;
  }
  return { state: 'none', apiUser: null, confirmedAt: null, monitoringEnabled, remoteConfigEnabled };
}

function hex(value: number): string {
  return (value & 0xff).toString(16).padStart(2, '0');
}
