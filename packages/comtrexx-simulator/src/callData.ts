import { berlinTime, formatBerlinDateTime } from './berlinTime';
import type { SimulatedDevice } from './fleet';
import { TRUNK_PROVIDERS } from './inventory';
import { hashText, hashUnit } from './random';

/**
 * Call data (CDR, "Gesprächsdaten") of a simulated COMtrexx (domain §1.11,
 * §2.1, §4.5). The record fields are those of the real REST API; the traffic
 * model (volume, mix, durations, daily rhythm) is an [INVENTED] engineering
 * estimate (domain §4.5).
 *
 * Nothing is stored. Calls are drawn per device and UTC hour from a hash of
 * the serial number (derived from the fleet seed) and the hour, so the same
 * seed, serial and time always give the same records. Every record gets a
 * sequence number counted from {@link CALL_DATA_START}; it is the record's
 * CallDataId, so ids increase without gaps. The device keeps only the newest
 * {@link CALL_DATA_CAPACITY} records, like the real ring buffer (domain §3.3).
 *
 * Records are numbered in the order calls ended: a PBX writes the record when
 * the call is over, and only calls that have ended by the device's clock
 * exist. So startDate is not monotonic in id order: a long call gets a higher
 * id than a short one that began after it. [INVENTED] ordering; the real one
 * is not documented.
 */

/** How many records a COMtrexx keeps; older ones are overwritten (COMtrexx help, domain §1.11). */
export const CALL_DATA_CAPACITY = 18_000;

/** First moment of every simulated call history. [INVENTED] */
export const CALL_DATA_START = '2025-01-01T00:00:00.000Z';

/** Longest call, in seconds (domain §4.5 cap of 2 h); also bounds how far `since` looks back. */
export const MAX_CALL_SECONDS = 7200;

/** Call types the simulator knows (it produces all but Callthrough); the real enum is longer and not public (§2.1). */
export const CALL_TYPES = ['Normal', 'CfIntern', 'CfExtern', 'Voicemailbox', 'Faxbox', 'Callthrough'] as const;

/** Type of a call as the REST API names it. */
export type CallType = (typeof CALL_TYPES)[number];

/**
 * One record of `GET /api/v1/calldata`, with the field names of the real
 * COMtrexx REST API (domain §2.1). Where a field does not apply (no group, a
 * withheld number) the simulator sends an empty string. [INVENTED]: whether a
 * real device sends "" or null there is not known.
 */
export interface CallDataRecord {
  /** Increasing id; 0 on every record of a device with the `callDataIdZero` quirk. */
  CallDataId: number;
  /** Start of the call, ISO 8601 in UTC without milliseconds, e.g. 2025-03-11T09:14:07Z. */
  startDate: string;
  /** Duration in seconds; ring time for unsuccessful calls. */
  length: number;
  externalName: string;
  externalPhoneNumber: string;
  /** Own external number: transmitted (outgoing) or dialled by the caller (incoming). */
  msn: string;
  /** Billing number ("Nr. Rechnung"): the user, or the group an incoming call was for. */
  userNumber: string;
  userName: string;
  /** The party that actually took part ("Nr./Name real"). */
  connectedUserNumber: string;
  connectedUserName: string;
  groupNumber: string;
  groupName: string;
  /** [INVENTED] unit: euros; only calls to mobile numbers cost anything in the simulation. */
  cost: number;
  costFactor: number;
  direction: 'Incoming' | 'Outgoing';
  callType: CallType;
  success: boolean;
}

const HOUR_MS = 60 * 60 * 1000;
const START_HOUR = Date.parse(CALL_DATA_START) / HOUR_MS;

// [INVENTED] Relative call volume per German local hour on any day: peaks
// 08–12 and 13–17 with a lunch dip, a little before and after office hours.
const HOUR_WEIGHTS = [
  0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.2, 1.5, 6, 9, 10, 9, 4.5, 7, 9, 8.5, 7, 3.5, 1.5, 0.7, 0.3, 0.1, 0.1, 0.1,
];
const WEIGHT_SUM = HOUR_WEIGHTS.reduce((sum, w) => sum + w, 0);

// Own numbers (Anschluss): one per trunk; external partners: the fictional
// ranges of domain §4.4 (Berlin, mobile, Munich, Hamburg), ten numbers each.
const MSN_PREFIX = '030123456';
const EXTERNAL_RANGES = ['0301234567', '01512345678', '0891234567', '0401234567'];
const MOBILE_RANGE = 1;
const EXTERNAL_NUMBERS = EXTERNAL_RANGES.flatMap(prefix => Array.from({ length: 10 }, (_, d) => `${prefix}${d}`));

// Names of the PBX's contacts; fictional, in the style of domain §4.4.
const COMPANY_CONTACTS = [
  'Muster GmbH', 'Beispiel AG', 'Probe & Söhne KG', 'Exempel Logistik', 'Vorlage Bau GmbH', 'Test Elektro',
  'Muster Steuerberatung', 'Beispiel Versicherung', 'Stadtwerke Musterstadt', 'Praxis Dr. Probe',
];
const PERSON_CONTACTS = ['Max Mustermann', 'Erika Musterfrau', 'Otto Normal', 'Lieschen Müller', 'Hans Beispiel'];
const GROUP_NAMES = ['Zentrale', 'Vertrieb', 'Service'];
// [INVENTED] Price per started minute to a mobile number; everything else is a flat rate.
const MOBILE_PRICE_PER_MINUTE = 0.019;

// Channels keep the hash streams of the different draws apart.
const Ch = {
  Rate: 1,
  Weekend: 2,
  Incoming: 3,
  IncomingFail: 4,
  OutgoingFail: 5,
  Forward: 6,
  UserWeight: 7,
  GroupMember: 8,
  Contact: 9,
  ContactName: 10,
  Day: 20,
  Count: 21,
  CountNormal: 22,
  End: 30,
  Direction: 31,
  Type: 32,
  Success: 33,
  User: 34,
  Group: 35,
  Forwarded: 36,
  External: 37,
  Withheld: 38,
  Trunk: 39,
  LengthA: 40,
  LengthB: 41,
  Ring: 42,
  GroupPick: 43,
  TrunkPick: 44,
} as const;

interface Party {
  number: string;
  name: string;
}

interface Group extends Party {
  members: Party[];
}

/** Per-device constants of the traffic model, drawn once from the serial number. */
interface Profile {
  key: number;
  users: Party[];
  /** Cumulative activity weights of `users`, for a weighted pick. */
  userWeights: number[];
  faxes: Party[];
  groups: Group[];
  trunks: { msn: string; providerName: string }[];
  /** Records on a workday, for all extensions together. */
  workdayVolume: number;
  weekendShare: number;
  incomingShare: number;
  incomingFail: number;
  outgoingFail: number;
  forwardShare: number;
  /** `recordsBeforeBlock[b]`: records in the first `b` blocks of 24 hours from the start. */
  recordsBeforeBlock: number[];
}

const profiles = new WeakMap<SimulatedDevice, Profile>();

// Built once per device object: the inventory of a simulated device does not change.
function profileOf(device: SimulatedDevice): Profile {
  const known = profiles.get(device);
  if (known) return known;
  const key = hashText(device.serialNumber);
  const extensions = device.phones.filter(p => p.userNumber !== null);
  const users = extensions.filter(p => p.model !== 'Fax machine').map(p => ({ number: p.userNumber!, name: p.name }));
  const faxes = extensions.filter(p => p.model === 'Fax machine').map(p => ({ number: p.userNumber!, name: p.name }));
  let sum = 0;
  const userWeights = users.map((_, i) => (sum += 0.4 + 1.2 * hashUnit(key, Ch.UserWeight, i)));
  // Groups only make sense with a few people: one per six users, at most three.
  const groupCount = users.length < 4 ? 0 : Math.min(GROUP_NAMES.length, Math.ceil(users.length / 6));
  const groups = GROUP_NAMES.slice(0, groupCount).map((name, g) => {
    let members = users.filter((_, i) => hashUnit(key, Ch.GroupMember, g, i) < 0.35);
    if (members.length < 2) members = users.slice(2 * g, 2 * g + 2);
    // [INVENTED] Group numbers below the users' 200 range (inventory.ts), so they never collide.
    return { number: String(100 + 10 * g), name, members };
  });
  const trunks = device.trunks.map((t, i) => ({ msn: `${MSN_PREFIX}${i % 10}`, providerName: t.providerName }));
  if (trunks.length === 0) trunks.push({ msn: `${MSN_PREFIX}0`, providerName: TRUNK_PROVIDERS[0] });
  const profile: Profile = {
    key,
    users,
    userWeights,
    faxes,
    groups,
    trunks,
    // Domain §4.5: 4–10 records per extension and workday; 5–8.5 per device
    // leaves room for the daily wobble below.
    workdayVolume: users.length * (5 + 3.5 * hashUnit(key, Ch.Rate)),
    weekendShare: 0.05 + 0.05 * hashUnit(key, Ch.Weekend),
    incomingShare: 0.52 + 0.06 * hashUnit(key, Ch.Incoming),
    // Voicemail and fax calls count as successful, so normal incoming calls fail a little more often.
    incomingFail: 0.22 + 0.08 * hashUnit(key, Ch.IncomingFail),
    outgoingFail: 0.1 + 0.05 * hashUnit(key, Ch.OutgoingFail),
    forwardShare: 0.05 + 0.05 * hashUnit(key, Ch.Forward),
    recordsBeforeBlock: [0],
  };
  profiles.set(device, profile);
  return profile;
}

/** How many calls of the device end in UTC hour `hour` (hours since 1970). */
function hourCount(p: Profile, hour: number): number {
  if (hour < START_HOUR || p.workdayVolume === 0) return 0;
  const local = berlinTime(hour * HOUR_MS);
  const weekend = local.weekday === 0 || local.weekday === 6;
  // Public holidays are not modelled; each day wobbles by ±15 %.
  const day = 0.85 + 0.3 * hashUnit(p.key, Ch.Day, local.dayNumber);
  const mean = (p.workdayVolume * (weekend ? p.weekendShare : 1) * day * HOUR_WEIGHTS[local.hour]) / WEIGHT_SUM;
  return poisson(mean, hashUnit(p.key, Ch.Count, hour), hashUnit(p.key, Ch.CountNormal, hour));
}

// Inverse transform for small means, the normal approximation for large ones.
function poisson(mean: number, u: number, v: number): number {
  if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(u, v)));
  let k = 0;
  let term = Math.exp(-mean);
  let cdf = term;
  while (u > cdf && k < 100) {
    k++;
    term *= mean / k;
    cdf += term;
  }
  return k;
}

// Box–Muller; 1 - u keeps the logarithm finite.
function normal(u: number, v: number): number {
  return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
}

/** Records of all hours before `hour`, counted from {@link CALL_DATA_START}. Memoised per block of 24 hours. */
function recordsBefore(p: Profile, hour: number): number {
  if (hour <= START_HOUR) return 0;
  const block = Math.floor((hour - START_HOUR) / 24);
  const memo = p.recordsBeforeBlock;
  while (memo.length <= block) {
    const b = memo.length - 1;
    let sum = memo[b];
    for (let h = START_HOUR + 24 * b; h < START_HOUR + 24 * (b + 1); h++) sum += hourCount(p, h);
    memo.push(sum);
  }
  let total = memo[block];
  for (let h = START_HOUR + 24 * block; h < hour; h++) total += hourCount(p, h);
  return total;
}

/** The hour in which record `seq` (1-based) ended; `seq` must not exceed the records before some memoised block. */
function hourOfSeq(p: Profile, seq: number): number {
  const memo = p.recordsBeforeBlock;
  // Last block that starts before the record.
  let lo = 0;
  let hi = memo.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (memo[mid] < seq) lo = mid;
    else hi = mid - 1;
  }
  let before = memo[lo];
  for (let h = START_HOUR + 24 * lo; ; h++) {
    const count = hourCount(p, h);
    if (before + count >= seq) return h;
    before += count;
  }
}

/** A record with its sequence number and end time, before the id quirk is applied. */
interface SimCall {
  seq: number;
  endMs: number;
  startMs: number;
  record: CallDataRecord;
}

/** The calls that ended in one hour, in the order they ended, numbered from `firstSeq`. */
function hourCalls(p: Profile, hour: number, firstSeq: number): SimCall[] {
  const count = hourCount(p, hour);
  const ends = Array.from({ length: count }, (_, draw) => ({
    draw,
    second: Math.floor(3600 * hashUnit(p.key, Ch.End, hour, draw)),
  })).sort((a, b) => a.second - b.second || a.draw - b.draw);
  return ends.map(({ draw, second }, position) => {
    const endMs = hour * HOUR_MS + second * 1000;
    const record = drawCall(p, hour, draw, endMs);
    return { seq: firstSeq + position, endMs, startMs: Date.parse(record.startDate), record };
  });
}

function drawCall(p: Profile, hour: number, draw: number, endMs: number): CallDataRecord {
  const u = (channel: number) => hashUnit(p.key, channel, hour, draw);
  const pick = <T>(items: readonly T[], channel: number): T => items[Math.floor(items.length * u(channel))];
  const user = pickUser(p, u(Ch.User));
  const trunk = u(Ch.Trunk) < 0.7 ? p.trunks[0] : pick(p.trunks, Ch.TrunkPick);
  const incoming = u(Ch.Direction) < p.incomingShare;

  // Forwarded calls: CfIntern is an incoming call passed on to a colleague,
  // CfExtern the outgoing leg of a call passed on to an external number
  // (billed, hence Outgoing). Together `forwardShare` of all calls.
  const type = u(Ch.Type);
  let callType: CallType = 'Normal';
  if (incoming) {
    const cfIntern = (0.6 * p.forwardShare) / p.incomingShare;
    if (type < cfIntern && p.users.length > 1) callType = 'CfIntern';
    else if (type < cfIntern + 0.03) callType = 'Voicemailbox';
    else if (type < cfIntern + 0.04 && p.faxes.length > 0) callType = 'Faxbox';
  } else if (type < (0.4 * p.forwardShare) / (1 - p.incomingShare)) {
    callType = 'CfExtern';
  }
  const answeredByDevice = callType === 'Voicemailbox' || callType === 'Faxbox';
  const success = answeredByDevice || u(Ch.Success) >= (incoming ? p.incomingFail : p.outgoingFail);

  let billed: Party = user;
  let connected: Party = user;
  let group: Party | undefined;
  if (callType === 'Faxbox') {
    billed = connected = pick(p.faxes, Ch.Forwarded);
  } else if (callType === 'CfIntern') {
    const others = p.users.filter(x => x !== user);
    connected = pick(others, Ch.Forwarded);
  } else if (incoming && callType === 'Normal' && p.groups.length > 0 && u(Ch.Group) < 0.35) {
    // A call to a group number: billed to the group, taken by a member (or by nobody).
    const g = pick(p.groups, Ch.GroupPick);
    group = g;
    billed = g;
    connected = success ? pick(g.members, Ch.Forwarded) : g;
  }

  // External partner: withheld numbers on some incoming calls; CfExtern goes to mobiles.
  let externalPhoneNumber = '';
  let externalName = '';
  let externalIndex = -1;
  if (!(incoming && u(Ch.Withheld) < 0.06)) {
    externalIndex =
      callType === 'CfExtern'
        ? MOBILE_RANGE * 10 + Math.floor(10 * u(Ch.External))
        : Math.floor(EXTERNAL_NUMBERS.length * u(Ch.External));
    externalPhoneNumber = EXTERNAL_NUMBERS[externalIndex];
    // From the PBX's contacts; for an unknown VoIP number the provider's name (domain §1.11).
    externalName = contactName(p, externalIndex) ?? trunk.providerName;
  }

  let length: number;
  if (!success) {
    length = 5 + Math.floor(26 * u(Ch.Ring)); // ring time, 5–30 s
  } else if (answeredByDevice) {
    length = 15 + Math.floor(120 * u(Ch.LengthA));
  } else {
    // Log-normal with median 90 s and sigma 1.3: mean about 3.5 min (domain §4.5).
    const drawn = 90 * Math.exp(1.3 * normal(u(Ch.LengthA), u(Ch.LengthB)));
    length = Math.round(Math.min(MAX_CALL_SECONDS, Math.max(1, drawn)));
  }
  const toMobile = Math.floor(externalIndex / 10) === MOBILE_RANGE;
  const minutes = Math.ceil(length / 60);
  const cost = !incoming && success && toMobile ? Math.round(minutes * MOBILE_PRICE_PER_MINUTE * 10_000) / 10_000 : 0;

  return {
    CallDataId: 0, // set by the caller
    startDate: isoSeconds(endMs - length * 1000),
    length,
    externalName,
    externalPhoneNumber,
    msn: trunk.msn,
    userNumber: billed.number,
    userName: billed.name,
    connectedUserNumber: connected.number,
    connectedUserName: connected.name,
    groupNumber: group?.number ?? '',
    groupName: group?.name ?? '',
    cost,
    costFactor: 1,
    direction: incoming ? 'Incoming' : 'Outgoing',
    callType,
    success,
  };
}

function pickUser(p: Profile, unit: number): Party {
  const target = unit * p.userWeights[p.userWeights.length - 1];
  const index = p.userWeights.findIndex(w => target < w);
  return p.users[index < 0 ? p.users.length - 1 : index];
}

function contactName(p: Profile, index: number): string | undefined {
  if (hashUnit(p.key, Ch.Contact, index) >= 0.55) return undefined;
  const names = Math.floor(index / 10) === MOBILE_RANGE ? PERSON_CONTACTS : COMPANY_CONTACTS;
  return names[Math.floor(names.length * hashUnit(p.key, Ch.ContactName, index))];
}

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Visits the calls from sequence number `fromSeq` on, in id order, until `visit` returns false. (A callback rather
 * than a generator: generators compiled for older targets, as in the tests, are many times slower.)
 */
function visitCallsFrom(p: Profile, fromSeq: number, visit: (call: SimCall) => boolean): void {
  let hour = hourOfSeq(p, fromSeq);
  let before = recordsBefore(p, hour);
  for (;;) {
    const calls = hourCalls(p, hour, before + 1);
    for (const call of calls) {
      if (call.seq >= fromSeq && !visit(call)) return;
    }
    before += calls.length;
    hour++;
  }
}

/** Records of the device's whole history that ended by `ms`: the newest sequence number. */
function recordsUpTo(p: Profile, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const before = recordsBefore(p, hour);
  if (hour < START_HOUR) return 0;
  return before + hourCalls(p, hour, before + 1).filter(c => c.endMs <= ms).length;
}

/** Sequence number of the first record that ended at or after `ms`. */
function firstEndingAtOrAfter(p: Profile, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const before = recordsBefore(p, hour);
  if (hour < START_HOUR) return 1;
  return before + hourCalls(p, hour, before + 1).filter(c => c.endMs < ms).length + 1;
}

/** What the ring buffer holds at a moment: sequence numbers `oldest` to `newest` (none when oldest > newest). */
export interface CallDataWindow {
  oldest: number;
  newest: number;
}

/** The records a device holds at `now`: the newest {@link CALL_DATA_CAPACITY} of those that ended by then. */
export function callDataWindow(device: SimulatedDevice, now: Date): CallDataWindow {
  const newest = recordsUpTo(profileOf(device), now.getTime());
  return { oldest: Math.max(1, newest - CALL_DATA_CAPACITY + 1), newest };
}

/** A validated call-data query. */
export interface CallDataQuery {
  limit: number;
  offset: number;
  /** [INVENTED] Only records with a CallDataId above this one. */
  afterId?: number;
  /** [INVENTED] Only records whose call started at or after this moment (ms). */
  sinceMs?: number;
  /** Only records of this user: internal number in userNumber or connectedUserNumber. */
  userId?: string;
}

/** One page of call data and how many records match in all. */
export interface CallDataPage {
  totalCount: number;
  data: CallDataRecord[];
}

/**
 * The records a `GET /api/v1/calldata` query answers, oldest (lowest id)
 * first. Only the page is generated, except with a user filter, which looks
 * at every record the device holds.
 */
export function queryCallData(device: SimulatedDevice, query: CallDataQuery, now: Date): CallDataPage {
  const p = profileOf(device);
  const { oldest, newest } = callDataWindow(device, now);
  const idZero = device.faults.callDataIdZero;
  const publish = (call: SimCall): CallDataRecord => ({ ...call.record, CallDataId: idZero ? 0 : call.seq });
  let lo = oldest;
  if (query.afterId !== undefined) {
    // The filter compares the ids the device reports: with the all-zero quirk
    // none is above any cursor, which is what a client would run into.
    if (idZero) return { totalCount: 0, data: [] };
    lo = Math.max(lo, query.afterId + 1);
  }
  // Records that ended after `since` but began before it; only calls that
  // ended within the longest call duration after `since` can be among them.
  const excluded: number[] = [];
  if (query.sinceMs !== undefined) {
    const sinceMs = query.sinceMs;
    lo = Math.max(lo, firstEndingAtOrAfter(p, sinceMs));
    if (lo <= newest) {
      visitCallsFrom(p, lo, call => {
        if (call.seq > newest || call.endMs >= sinceMs + MAX_CALL_SECONDS * 1000) return false;
        if (call.startMs < sinceMs) excluded.push(call.seq);
        return true;
      });
    }
  }
  if (lo > newest) return { totalCount: 0, data: [] };

  const skip = new Set(excluded);
  if (query.userId !== undefined) {
    const userId = query.userId;
    const rows: CallDataRecord[] = [];
    visitCallsFrom(p, lo, call => {
      if (call.seq > newest) return false;
      const r = call.record;
      const mine = r.userNumber === userId || r.connectedUserNumber === userId;
      if (mine && !skip.has(call.seq)) rows.push(publish(call));
      return true;
    });
    return { totalCount: rows.length, data: rows.slice(query.offset, query.offset + query.limit) };
  }

  const totalCount = newest - lo + 1 - excluded.length;
  if (query.offset >= totalCount) return { totalCount, data: [] };
  // The offset-th record of lo..newest without the excluded ones.
  let first = lo + query.offset;
  for (const seq of excluded) {
    if (seq <= first) first++;
    else break;
  }
  const data: CallDataRecord[] = [];
  visitCallsFrom(p, first, call => {
    if (call.seq > newest || data.length >= query.limit) return false;
    if (!skip.has(call.seq)) data.push(publish(call));
    return true;
  });
  return { totalCount, data };
}

/**
 * The records the device holds whose call started in `[fromMs, toMs)`, by
 * start time (for people reading the export); open ends when undefined.
 */
export function callDataBetween(
  device: SimulatedDevice,
  range: { fromMs?: number; toMs?: number },
  now: Date,
): CallDataRecord[] {
  const p = profileOf(device);
  const { oldest, newest } = callDataWindow(device, now);
  const { fromMs = -Infinity, toMs = Infinity } = range;
  const lo = Number.isFinite(fromMs) ? Math.max(oldest, firstEndingAtOrAfter(p, fromMs)) : oldest;
  const calls: SimCall[] = [];
  if (lo <= newest) {
    visitCallsFrom(p, lo, call => {
      // A call that ended more than the longest duration after `to` began after it.
      if (call.seq > newest || call.endMs >= toMs + MAX_CALL_SECONDS * 1000) return false;
      if (call.startMs >= fromMs && call.startMs < toMs) calls.push(call);
      return true;
    });
  }
  const idZero = device.faults.callDataIdZero;
  return calls
    .sort((a, b) => a.startMs - b.startMs || a.seq - b.seq)
    .map(call => ({ ...call.record, CallDataId: idZero ? 0 : call.seq }));
}

/** Column headers of `gespr_dat.csv`: the CCC's call-data columns (domain §1.11, §4.4). [INVENTED] file format. */
export const CALL_DATA_CSV_HEADER = [
  'Datum/Uhrzeit',
  'Dauer',
  'Externer Partner',
  'Externer Name',
  'Nr. Rechnung',
  'Name Rechnung',
  'Name real',
  'Anschluss',
  'Abrechnungsart',
  'Anruftyp',
] as const;

/**
 * `gespr_dat.csv` as proposed in domain §4.4 [INVENTED format]: UTF-8 with
 * BOM (so spreadsheet programs detect the encoding), `;` as separator, CRLF,
 * German local times and `hh:mm:ss` durations.
 */
export function callDataCsv(records: readonly CallDataRecord[]): string {
  const lines = [CALL_DATA_CSV_HEADER.map(csvField).join(';')];
  for (const r of records) {
    lines.push(
      [
        formatBerlinDateTime(Date.parse(r.startDate)),
        formatDuration(r.length),
        r.externalPhoneNumber,
        r.externalName,
        r.userNumber,
        r.userName,
        r.connectedUserName,
        r.msn,
        r.success ? 'erfolgreich' : 'vergeblich',
        r.callType,
      ]
        .map(csvField)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function formatDuration(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

// Quoted only when needed, with doubled quotes (RFC 4180 style).
function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
