/**
 * A fleet of simulated Auerswald COMtrexx PBXs over HTTP.
 *
 * @packageDocumentation
 */

export { createFleet } from './fleet';
export type { CccAccessState, ComtrexxModel, DeviceCccAccess, FleetOptions, SimulatedDevice } from './fleet';
export { createSeededRandom } from './random';
export type { SeededRandom } from './random';
export {
  createSimulatorApp,
  DEFAULT_CCC_PAIRING_URL,
  DEFAULT_CCC_TIMEOUT_MS,
  SESSION_COOKIE,
  startSimulator,
} from './server';
export type { RunningSimulator, SimulatorAppOptions, SimulatorOptions } from './server';
export { generateApiUser, sendPairingRequest } from './pairing';
export type { PairingOutcome, PairingRequest } from './pairing';
export { SESSION_MAX_AGE_SECONDS } from './sessions';
export { applyFaultConfig, MAX_REBOOT_SECONDS, MAX_SLOW_MS, noFaults } from './faults';
export type { DeviceFaults, FaultConfig, FaultUpdate } from './faults';
export { LOCKOUT_FAILED_LOGINS, LOCKOUT_SECONDS } from './lockout';
export { MIN_CCC_FIRMWARE } from './gate';
export {
  createInventory,
  PHONE_STATUSES,
  PHONE_TYPES,
  TRUNK_PROVIDERS,
  TRUNK_REGISTRATION_STATES,
  TRUNK_STUN_STATES,
} from './inventory';
export type {
  DeviceInventory,
  PhoneState,
  PhoneStatus,
  PhoneType,
  TrunkRegistrationState,
  TrunkStatus,
  TrunkStunState,
} from './inventory';
export { openApiDocument, openApiYaml } from './openapi';
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './paging';
export {
  MAX_SAMPLE_POINTS,
  MAX_SAMPLE_RANGE_DAYS,
  memoryTotalBytes,
  MIN_SAMPLE_STEP_SECONDS,
  monitoringSamples,
  parseSampleRange,
  sampleAt,
} from './monitoring';
export type { MonitoringSample, SampleRange } from './monitoring';
export { MESSAGE_LOG_START, SYSTEM_MESSAGE_SEVERITIES, systemMessages } from './messages';
export type { SystemMessage, SystemMessageSeverity } from './messages';
export { REMOTE_SESSION_MINUTES, RemoteAccessStore } from './remoteAccess';
export {
  CALL_DATA_CAPACITY,
  CALL_DATA_CSV_HEADER,
  CALL_DATA_START,
  CALL_TYPES,
  callDataBetween,
  callDataCsv,
  callDataWindow,
  MAX_CALL_SECONDS,
  queryCallData,
} from './callData';
export type { CallDataPage, CallDataQuery, CallDataRecord, CallDataWindow, CallType } from './callData';
export { CALL_DATA_ID_ZERO_INDEX } from './fleet';
export { acceleratedClock, MAX_CLOCK_SPEED } from './clock';
export type { RemoteAccessSession } from './remoteAccess';
export {
  BACKUP_INTERVALS,
  BACKUP_JOB_SECONDS,
  BACKUP_JOB_STATES,
  MAX_SCHEDULED_BACKUPS,
  RESTORE_APPLY_SECONDS,
} from './backups';
export type {
  BackupEntry,
  BackupInterval,
  BackupJobState,
  BackupJobView,
  BackupScheduleView,
  BackupTrigger,
  DeviceBackupState,
} from './backups';
export { FIRMWARE_RELEASES, LATEST_FIRMWARE, UPDATE_STATES, UPDATE_TIMELINE } from './firmware';
export type { DeviceFirmwareState, UpdateState, UpdateStatus } from './firmware';
export { REBOOT_MAX_SECONDS, REBOOT_MIN_SECONDS } from './reboot';
export { pairingUrlFromBase, runCli } from './commands';
export type { CliIo } from './commands';
