import { ResponseError } from '@backstage/errors';
import {
  CccAccessEntry,
  CccAuditEvent,
  CccGrant,
  CccRole,
  CccSystem,
  CccUserGroup,
  CccUserGroupDetails,
  ROLE_PERMISSIONS,
} from '@internal/plugin-ccc-common';
import { CccApi, CccSystemAccess } from '../api/CccApi';
import { systemsPage } from './systemsPageFake';

/** A CccApi whose methods are jest mocks; tests set the answers they need. */
export function fakeCccApi(systems: CccSystem[] = []): jest.Mocked<CccApi> {
  return {
    getHealth: jest.fn(),
    getDashboard: jest.fn(),
    listSystems: jest.fn().mockResolvedValue(systems),
    listSystemsPage: jest.fn(async query => systemsPage(systems, query)),
    getSystem: jest.fn(),
    getSystemBySerial: jest.fn(),
    registerSystem: jest.fn(),
    registerSystems: jest.fn(),
    updateSystem: jest.fn(),
    renewToken: jest.fn(),
    cancelToken: jest.fn().mockResolvedValue(undefined),
    refreshSystem: jest.fn(),
    deleteSystem: jest.fn().mockResolvedValue(undefined),
    getAccess: jest.fn().mockResolvedValue({ entries: [], me: { roles: [], permissions: [] } }),
    setGrant: jest.fn(),
    revokeGrant: jest.fn().mockResolvedValue(undefined),
    listMyGrants: jest.fn().mockResolvedValue([]),
    deleteGrants: jest.fn().mockResolvedValue(undefined),
    transferOwnership: jest.fn(),
    listSystemAudit: jest.fn().mockResolvedValue([]),
    listFleetAudit: jest.fn().mockResolvedValue([]),
    listUserGroups: jest.fn().mockResolvedValue([]),
    createUserGroup: jest.fn(),
    getUserGroup: jest.fn(),
    updateUserGroup: jest.fn(),
    deleteUserGroup: jest.fn().mockResolvedValue(undefined),
    deleteUserGroups: jest.fn().mockResolvedValue(undefined),
    joinUserGroup: jest.fn(),
    leaveUserGroup: jest.fn().mockResolvedValue(undefined),
    setUserGroupMember: jest.fn(),
    removeUserGroupMember: jest.fn().mockResolvedValue(undefined),
    addUserGroupSystem: jest.fn(),
    removeUserGroupSystem: jest.fn().mockResolvedValue(undefined),
    getBackups: jest.fn(),
    createBackup: jest.fn(),
    deleteBackups: jest.fn(),
    restoreBackup: jest.fn(),
    setBackupSchedule: jest.fn(),
    setBackupRetention: jest.fn(),
    listJobs: jest.fn().mockResolvedValue([]),
    getJob: jest.fn(),
    getFirmware: jest.fn(),
    startFirmwareUpdate: jest.fn(),
    listFleetBackups: jest.fn().mockResolvedValue([]),
    // <backups> new entries of the backups work go above this line
    listSmtpServers: jest.fn().mockResolvedValue({ details: true, items: [] }),
    createSmtpServer: jest.fn(),
    updateSmtpServer: jest.fn(),
    deleteSmtpServer: jest.fn().mockResolvedValue(undefined),
    deleteSmtpServers: jest.fn().mockResolvedValue(undefined),
    checkSmtpServer: jest.fn(),
    getSystemSmtp: jest.fn().mockResolvedValue({ assigned: null, effective: null }),
    assignSystemSmtp: jest.fn(),
    unassignSystemSmtp: jest.fn(),
    listWarnings: jest.fn().mockResolvedValue({ items: [], totalCount: 0 }),
    listAlertDeliveries: jest.fn().mockResolvedValue([]),
    // <smtp> new entries of the smtp work go above this line
    getMonitoring: jest.fn(),
    getRegistration: jest.fn(),
    listFleetPhones: jest.fn().mockResolvedValue({ items: [], totalCount: 0 }),
    listFleetTrunks: jest.fn().mockResolvedValue({ items: [], totalCount: 0 }),
    listScorecards: jest.fn().mockResolvedValue([]),
    // Pending unless a test answers: the overview asks for these on every render.
    getScorecard: jest.fn((_systemId: string) => new Promise<never>(() => {})),
    getRemoteSession: jest.fn().mockResolvedValue({ active: false }),
    openRemoteSession: jest.fn(),
    closeRemoteSession: jest.fn().mockResolvedValue(undefined),
    // <monitoring> new entries of the monitoring work go above this line
    listCallData: jest.fn().mockResolvedValue({ items: [], totalCount: 0, nextCursor: null, masked: false }),
    exportCallData: jest.fn(),
    listFleetCallData: jest.fn().mockResolvedValue({ items: [], totalCount: 0, nextCursor: null, masked: false }),
    exportFleetCallData: jest.fn(),
    getCallDataStatistics: jest.fn(),
    // <calldata> new entries of the calldata work go above this line
    listRollouts: jest.fn().mockResolvedValue([]),
    getRollout: jest.fn(),
    planRollout: jest.fn(),
    createRollout: jest.fn(),
    pauseRollout: jest.fn(),
    resumeRollout: jest.fn(),
    abortRollout: jest.fn(),
    // <rollouts> new entries of the rollouts work go above this line
  };
}

/** The access answer of a system on which the signed-in user holds `roles`, with the permissions they give. */
export function accessAs(roles: CccRole[], entries: CccAccessEntry[] = []): CccSystemAccess {
  return { entries, me: { roles, permissions: [...new Set(roles.flatMap(role => ROLE_PERMISSIONS[role]))] } };
}

/** A grant given by anna; override what a test is about. */
export function makeGrant(overrides: Partial<CccGrant> = {}): CccGrant {
  return {
    systemId: 'sys-1',
    systemName: 'Berlin HQ',
    serialNumber: 'A1B2C3D4E5',
    subjectRef: 'user:default/ben',
    roles: ['monitoring'],
    grantedBy: 'user:default/anna',
    updatedAt: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}

/** A public group owned by anna; override what a test is about. */
export function makeGroup(overrides: Partial<CccUserGroup> = {}): CccUserGroup {
  return {
    id: 'grp-1',
    name: 'Night shift',
    description: 'Watches the fleet at night',
    defaultRole: 'monitoring',
    visibility: 'public',
    ownerRef: 'user:default/anna',
    memberCount: 2,
    systemCount: 1,
    createdAt: '2026-10-01T08:00:00Z',
    member: false,
    ...overrides,
  };
}

/** A group with members and systems. */
export function makeGroupDetails(overrides: Partial<CccUserGroupDetails> = {}): CccUserGroupDetails {
  return {
    ...makeGroup(),
    members: [
      { memberRef: 'user:default/ben', roles: ['monitoring'] },
      { memberRef: 'user:default/carla', roles: ['monitoring', 'backup'] },
    ],
    systems: [{ systemId: 'sys-1', name: 'Berlin HQ', serialNumber: 'A1B2C3D4E5' }],
    ...overrides,
  };
}

/** An audit event; override what a test is about. */
export function makeAuditEvent(overrides: Partial<CccAuditEvent> = {}): CccAuditEvent {
  return {
    id: 1,
    at: '2026-11-20T09:00:00Z',
    actorRef: 'user:default/anna',
    action: 'grant.set',
    systemId: 'sys-1',
    groupId: null,
    details: { subjectRef: 'user:default/ben', roles: ['monitoring'] },
    ...overrides,
  };
}

/** A paired, healthy system; override what a test is about. */
export function makeSystem(overrides: Partial<CccSystem> = {}): CccSystem {
  return {
    id: 'sys-1',
    name: 'Berlin HQ',
    serialNumber: 'A1B2C3D4E5',
    ownerRef: 'user:default/anna',
    catalogOwnerRef: 'group:default/telephony',
    state: 'paired_ok',
    stateReason: null,
    stateMessage: null,
    paired: true,
    token: null,
    firstRegisteredAt: '2026-03-01T10:00:00Z',
    lastSeenAt: '2026-11-27T06:00:00Z',
    createdAt: '2026-03-01T09:55:00Z',
    updatedAt: '2026-11-27T06:00:00Z',
    device: {
      model: 'COMtrexx Advanced',
      firmwareVersion: '2.6.1',
      maintenance: { active: true, validUntil: '2027-06-30T00:00:00Z' },
    },
    deviceAddress: { url: null, allowSelfSignedTls: true },
    ...overrides,
  };
}

/** The error CccClient throws when the backend refuses, with the backend's message in the body. */
export function responseError(status: number, message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error: { name: 'Error', message }, response: { statusCode: status } }), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

/** Date formats the components use, in English, to compare rendered dates with. */
export const formatDate = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso));
/** Date and time as the components render them in English. */
export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
