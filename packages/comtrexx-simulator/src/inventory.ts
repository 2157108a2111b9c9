import type { ComtrexxModel } from './fleet';
import { createSeededRandom, SeededRandom } from './random';

/**
 * Phone status values (domain §1.9). The meanings are documented; these code
 * names are [INVENTED] because the real API's enum is not public.
 */
export const PHONE_STATUSES = [
  'no_provisioning_file',
  'provisioning_pending',
  'provisioned',
  'registered_encrypted',
  'registered_unencrypted',
  'not_registered',
  'unknown',
  'analog_connected',
] as const;

/** Status of a phone, DECT base or analogue device. */
export type PhoneState = (typeof PHONE_STATUSES)[number];

/** Kinds of terminal a COMtrexx lists. [INVENTED] code names. */
export const PHONE_TYPES = ['ip', 'dect-base', 'analog'] as const;

/** Kind of terminal. */
export type PhoneType = (typeof PHONE_TYPES)[number];

/** STUN/INVITE indicator of a SIP account (domain §1.10; code names [INVENTED]). */
export const TRUNK_STUN_STATES = [
  'stun_none',
  'stun_ok',
  'stun_offline',
  'stun_failed',
  'invite_answered',
  'config_error',
] as const;

/** STUN/INVITE state of a SIP account. */
export type TrunkStunState = (typeof TRUNK_STUN_STATES)[number];

/** Registration indicator of a SIP account (domain §1.10; code names [INVENTED]). */
export const TRUNK_REGISTRATION_STATES = ['not_registered', 'registered_unencrypted', 'registered_encrypted'] as const;

/** Registration state of a SIP account. */
export type TrunkRegistrationState = (typeof TRUNK_REGISTRATION_STATES)[number];

/** German SIP trunk providers (domain §4.3). */
export const TRUNK_PROVIDERS = ['Deutsche Telekom', 'Vodafone', '1&1 Versatel', 'sipgate', 'easybell', 'plusnet'] as const;

/** One row of `GET /api/v1/phones/status`. */
export interface PhoneStatus {
  id: number;
  name: string;
  /** null for analogue devices, which have no network interface. */
  macAddress: string | null;
  type: PhoneType;
  /** null for analogue devices: the PBX cannot tell who made them. */
  manufacturer: string | null;
  model: string;
  /** null for analogue devices. */
  firmwareVersion: string | null;
  /** Internal number of the assigned user; null for DECT bases, which serve many handsets. */
  userNumber: string | null;
  status: PhoneState;
}

/** One row of `GET /api/v1/trunks/status`. */
export interface TrunkStatus {
  id: number;
  accountName: string;
  providerName: string;
  stunState: TrunkStunState;
  registrationState: TrunkRegistrationState;
  /** ISO time of the last change of either state. [INVENTED] field. */
  lastChange: string;
}

/** The phones and trunks of one simulated device. */
export interface DeviceInventory {
  phones: PhoneStatus[];
  trunks: TrunkStatus[];
}

interface PhoneModel {
  type: PhoneType;
  manufacturer: string | null;
  model: string;
  firmware: readonly (string | null)[];
  /** Relative frequency in a fleet. [INVENTED] */
  weight: number;
}

// Models from domain §4.2; the D-series names are not individually verified
// and the firmware strings follow the "2.2A" pattern of the D-series help.
const PHONE_MODELS: readonly PhoneModel[] = [
  { type: 'ip', manufacturer: 'Auerswald', model: 'COMfortel D-110', firmware: ['2.2A', '2.4B'], weight: 30 },
  { type: 'ip', manufacturer: 'Auerswald', model: 'COMfortel D-210', firmware: ['2.2A', '2.4B'], weight: 30 },
  { type: 'ip', manufacturer: 'Auerswald', model: 'COMfortel D-400', firmware: ['2.4B', '2.6A'], weight: 12 },
  { type: 'ip', manufacturer: 'Auerswald', model: 'COMfortel D-600', firmware: ['2.4B', '2.6A'], weight: 6 },
  { type: 'ip', manufacturer: 'Auerswald', model: 'COMfortel C-400', firmware: ['1.1.3'], weight: 2 },
  { type: 'dect-base', manufacturer: 'Auerswald', model: 'COMfortel WS-500S', firmware: ['3.2', '3.4'], weight: 4 },
  { type: 'dect-base', manufacturer: 'Gigaset', model: 'N670 IP PRO', firmware: ['2.52.0', '2.54.1'], weight: 2 },
  { type: 'analog', manufacturer: null, model: 'Analogue telephone', firmware: [null], weight: 5 },
  { type: 'analog', manufacturer: null, model: 'Fax machine', firmware: [null], weight: 2 },
];

// [INVENTED] Relative frequencies per terminal type; most IP phones are
// registered, a few are in the middle of provisioning or broken.
const STATUS_WEIGHTS: Record<PhoneType, ReadonlyArray<readonly [PhoneState, number]>> = {
  ip: [
    ['registered_encrypted', 55],
    ['registered_unencrypted', 22],
    ['not_registered', 7],
    ['provisioned', 5],
    ['provisioning_pending', 5],
    ['no_provisioning_file', 3],
    ['unknown', 3],
  ],
  'dect-base': [
    ['provisioned', 80],
    ['provisioning_pending', 10],
    ['no_provisioning_file', 5],
    ['unknown', 5],
  ],
  analog: [['analog_connected', 1]],
};

// [INVENTED] Sizes by model; the VM is typically the small installation.
const SIZES: Record<ComtrexxModel, { phones: [number, number]; trunks: [number, number] }> = {
  'COMtrexx Business': { phones: [20, 60], trunks: [2, 4] },
  'COMtrexx Advanced': { phones: [10, 40], trunks: [1, 3] },
  'COMtrexx VM': { phones: [5, 20], trunks: [1, 2] },
};

const PEOPLE = [
  'Anna Beispiel', 'Ben Muster', 'Clara Probe', 'David Test', 'Eva Exempel', 'Felix Vorlage',
  'Greta Muster', 'Hannes Beispiel', 'Ida Probe', 'Jonas Test', 'Kira Vorlage', 'Lukas Exempel',
];
const ROOMS = ['Empfang', 'Zentrale', 'Lager', 'Werkstatt', 'Besprechung', 'Buchhaltung', 'Vertrieb', 'Service'];
const ACCOUNT_PURPOSES = ['Zentrale', 'Vertrieb', 'Service', 'Fax', 'Notfall', 'Filiale'];
const PROVIDER_SHORT: Record<(typeof TRUNK_PROVIDERS)[number], string> = {
  'Deutsche Telekom': 'Telekom',
  Vodafone: 'Vodafone',
  '1&1 Versatel': 'Versatel',
  sipgate: 'sipgate',
  easybell: 'easybell',
  plusnet: 'plusnet',
};

// [INVENTED] Trunk states: mostly healthy, some without STUN, rarely broken.
// Each pair is consistent: a config error never comes with a registration.
const TRUNK_STATES: ReadonlyArray<readonly [TrunkStunState, TrunkRegistrationState, number]> = [
  ['stun_ok', 'registered_encrypted', 45],
  ['stun_ok', 'registered_unencrypted', 15],
  ['stun_none', 'registered_encrypted', 12],
  ['invite_answered', 'registered_encrypted', 8],
  ['stun_failed', 'registered_unencrypted', 8],
  ['stun_offline', 'not_registered', 5],
  ['config_error', 'not_registered', 5],
  ['stun_none', 'not_registered', 2],
];

/**
 * The phones and trunks of device `index` of the fleet with that seed. Each
 * device has its own random stream derived from seed and index, apart from the
 * fleet's main stream: adding inventories left existing serial numbers as they
 * were, and a device's inventory does not depend on the fleet size.
 */
export function createInventory(seed: number, index: number, model: ComtrexxModel, now: Date): DeviceInventory {
  const random = createSeededRandom(((seed ^ 0x1b873593) + Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const sizes = SIZES[model];
  const phoneCount = random.int(...sizes.phones);
  const phones: PhoneStatus[] = [];
  const macs = new Set<string>();
  for (let i = 0; i < phoneCount; i++) {
    const dectBases = phones.filter(p => p.type === 'dect-base').length;
    phones.push(createPhone(random, i, dectBases, macs));
  }
  const trunkCount = random.int(...sizes.trunks);
  const trunks: TrunkStatus[] = [];
  const used = new Set<string>();
  for (let i = 0; i < trunkCount; i++) {
    const providerName = random.pick(TRUNK_PROVIDERS);
    let accountName = `${PROVIDER_SHORT[providerName]} ${random.pick(ACCOUNT_PURPOSES)}`;
    // Account names are labels an admin chose; keep them unique per device.
    for (let n = 2; used.has(accountName); n++) accountName = `${accountName.replace(/ \d+$/, '')} ${n}`;
    used.add(accountName);
    const [stunState, registrationState] = weighted(random, TRUNK_STATES.map(([s, r, w]) => [[s, r] as const, w]));
    trunks.push({
      id: i + 1,
      accountName,
      providerName,
      stunState,
      registrationState,
      lastChange: new Date(now.getTime() - random.int(60, 30 * 24 * 3600) * 1000).toISOString(),
    });
  }
  return { phones, trunks };
}

function createPhone(random: SeededRandom, i: number, dectBasesSoFar: number, macs: Set<string>): PhoneStatus {
  const model = weighted(random, PHONE_MODELS.map(m => [m, m.weight]));
  const status = weighted(random, STATUS_WEIGHTS[model.type]);
  const firmwareVersion = random.pick(model.firmware);
  const userNumber = model.type === 'dect-base' ? null : String(200 + i);
  let name: string;
  if (model.type === 'dect-base') name = `DECT Basis ${dectBasesSoFar + 1}`;
  else if (model.model === 'Fax machine') name = `Fax ${random.pick(ROOMS)}`;
  else name = random.next() < 0.7 ? random.pick(PEOPLE) : random.pick(ROOMS);
  return {
    id: i + 1,
    name,
    macAddress: model.type === 'analog' ? null : macFor(model, random, macs),
    type: model.type,
    manufacturer: model.manufacturer,
    model: model.model,
    firmwareVersion,
    userNumber,
    status,
  };
}

// Auerswald devices carry the Auerswald OUI 00:09:52 (domain §4.1). Other
// vendors get a locally administered address (02:...), so that no real
// vendor's OUI is claimed. Unique within one device.
function macFor(model: PhoneModel, random: SeededRandom, macs: Set<string>): string {
  const prefix = model.manufacturer === 'Auerswald' ? [0x00, 0x09, 0x52] : [0x02, 0x00, 0x52];
  let mac: string;
  do {
    mac = [...prefix, random.int(0, 255), random.int(0, 255), random.int(0, 255)]
      .map(b => b.toString(16).padStart(2, '0'))
      .join(':')
      .toUpperCase();
  } while (macs.has(mac));
  macs.add(mac);
  return mac;
}

function weighted<T>(random: SeededRandom, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let pick = random.next() * total;
  for (const [item, w] of items) {
    pick -= w;
    if (pick < 0) return item;
  }
  return items[items.length - 1][0];
}
