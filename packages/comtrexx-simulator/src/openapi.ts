import {
  BACKUP_FAIL_SECONDS,
  BACKUP_INTERVALS,
  BACKUP_JOB_SECONDS,
  BACKUP_JOB_STATES,
  BACKUP_QUEUE_SECONDS,
  MAX_SCHEDULED_BACKUPS,
  RESTORE_APPLY_SECONDS,
} from './backups';
import { UPDATE_STATES, UPDATE_TIMELINE } from './firmware';
import { CALL_DATA_CAPACITY, CALL_DATA_CSV_HEADER, CALL_DATA_START, CALL_TYPES, MAX_CALL_SECONDS } from './callData';
import { ERROR_CODES } from './httpErrors';
import {
  PHONE_STATUSES,
  PHONE_TYPES,
  TRUNK_PROVIDERS,
  TRUNK_REGISTRATION_STATES,
  TRUNK_STUN_STATES,
} from './inventory';
import { LOCKOUT_FAILED_LOGINS, LOCKOUT_SECONDS } from './lockout';
import { REBOOT_MAX_SECONDS, REBOOT_MIN_SECONDS } from './reboot';
import { MESSAGE_LOG_START, SYSTEM_MESSAGE_SEVERITIES } from './messages';
import { MAX_SAMPLE_POINTS, MAX_SAMPLE_RANGE_DAYS, MIN_SAMPLE_STEP_SECONDS } from './monitoring';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './paging';
import { REMOTE_SESSION_MINUTES } from './remoteAccess';
import { toYaml, YamlValue } from './yaml';

type Spec = { [key: string]: YamlValue };

const INVENTED = '[INVENTED: not in the public COMtrexx documentation; the simulator\'s proposal, domain.md §3]';

const ref = (name: string): Spec => ({ $ref: `#/components/schemas/${name}` });
const response = (name: string): Spec => ({ $ref: `#/components/responses/${name}` });
const json = (schema: YamlValue, description: string): Spec => ({
  description,
  content: { 'application/json': { schema } },
});
const string = (description?: string): Spec => (description ? { type: 'string', description } : { type: 'string' });
const nullable = (schema: Spec): Spec => ({ ...schema, nullable: true });
const enumOf = (values: readonly string[], description?: string): Spec => ({
  type: 'string',
  enum: [...values],
  ...(description ? { description } : {}),
});

const GATED = `Needs a session, pairing with the CCC, active maintenance and firmware 2.4.4 or later (412 MAINTENANCE_REQUIRED / FIRMWARE_UNSUPPORTED otherwise). ${INVENTED}`;

const gatedResponses = {
  '400': response('BadRequest'),
  '401': response('Unauthorized'),
  '403': response('NotPaired'),
  '412': response('PreconditionFailed'),
  '503': response('Rebooting'),
};

/**
 * The simulator's OpenAPI 3 document, as served at `GET /api/system/api`.
 * A real COMtrexx serves its own `ctx-api-v1.yml` there (domain §2.1), which
 * is not public; this one describes only what the simulator implements.
 */
export function openApiDocument(serialNumber: string): Spec {
  return {
    openapi: '3.0.3',
    info: {
      title: 'COMtrexx REST API (simulated)',
      // The spec version seen on a live COMtrexx; the content here is the simulator's.
      version: '0.0.37',
      description:
        'What the COMtrexx simulator implements. Login, the session cookie, the /api/v1 prefix, the list envelope ' +
        'and limit/offset follow the public description of the COMtrexx REST API. Everything marked [INVENTED] is ' +
        'a proposal because the real paths and shapes are not public.',
    },
    servers: [
      {
        url: `/devices/${serialNumber}`,
        description: 'This simulated device. On a real COMtrexx the paths start at the host (https, port 443).',
      },
    ],
    paths: {
      '/api/v1/login': {
        post: {
          summary: 'Log in with HTTP Basic credentials and receive the ctx_sessionid cookie',
          security: [{ basicAuth: [] }],
          responses: {
            '200': {
              description: 'Logged in; the session lasts 24 hours.',
              headers: {
                'Set-Cookie': { description: 'ctx_sessionid=<id>; Max-Age=86400; Path=/; HttpOnly', schema: string() },
              },
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            '401': response('Unauthorized'),
            '423': json(
              ref('Blocked'),
              `Logins are blocked after ${LOCKOUT_FAILED_LOGINS} failed attempts in a row, for ${LOCKOUT_SECONDS} seconds. ` +
                'The 423 status and body mirror a third-party observation of Auerswald PBXs; the duration is [INVENTED].',
            ),
            '503': response('Rebooting'),
          },
        },
      },
      '/api/v1/system/info': {
        get: {
          summary: 'Identity and state of the device; open without login',
          description: `Fields follow app_about of older Auerswald PBXs; the path is ${INVENTED}`,
          security: [],
          responses: { '200': json(ref('SystemInfo'), 'System information'), '503': response('Rebooting') },
        },
      },
      '/api/v1/ccc/access': {
        get: {
          summary: 'Pairing of the device with the COMtrexx Control Center',
          description: INVENTED,
          security: [{ cookieAuth: [] }],
          responses: {
            '200': json(ref('CccAccess'), 'Pairing state and device-side switches'),
            '401': response('Unauthorized'),
            '503': response('Rebooting'),
          },
        },
        put: {
          summary: 'Change the device-side switches (local admin action in the web UI)',
          description: `Omitted properties stay unchanged. No CCC session needed: stands for the local web UI. ${INVENTED}`,
          security: [],
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: { monitoringEnabled: { type: 'boolean' }, remoteConfigEnabled: { type: 'boolean' } },
                },
              },
            },
          },
          responses: {
            '200': json(ref('CccAccess'), 'The changed access'),
            '400': response('BadRequest'),
            '503': response('Rebooting'),
          },
        },
        delete: {
          summary: 'Withdraw the CCC access (local admin action); ends all sessions',
          description: INVENTED,
          security: [],
          responses: { '204': { description: 'Access withdrawn' }, '503': response('Rebooting') },
        },
      },
      '/api/v1/ccc/access/confirm': {
        post: {
          summary: 'Enter the confirmation code of the CCC (local admin action); the device pairs itself',
          description: `The device creates an API user and posts it with its serial number and the code to the CCC. ${INVENTED}`,
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['confirmationCode'],
                  properties: { confirmationCode: string('Code shown by the CCC, valid 24 hours') },
                },
              },
            },
          },
          responses: {
            '204': { description: 'Paired' },
            '400': response('BadRequest'),
            '502': json(ref('Error'), 'CCC_UNREACHABLE: the CCC did not answer'),
            '503': response('Rebooting'),
            default: json(ref('Error'), 'PAIRING_REFUSED with the status and message of the CCC'),
          },
        },
      },
      '/api/v1/maintenance': {
        get: {
          summary: 'Software maintenance of the device',
          description: INVENTED,
          security: [{ cookieAuth: [] }],
          responses: {
            '200': json(ref('Maintenance'), 'Maintenance state'),
            '401': response('Unauthorized'),
            '503': response('Rebooting'),
          },
        },
      },
      '/api/v1/phones/status': {
        get: {
          summary: 'Phones, DECT bases and analogue devices with their status',
          description: `Fields as on the COMtrexx telephone status page; path and status codes ${INVENTED}. ${GATED}`,
          security: [{ cookieAuth: [] }],
          parameters: [{ $ref: '#/components/parameters/limit' }, { $ref: '#/components/parameters/offset' }],
          responses: { '200': json(ref('PhoneList'), 'One page of phones'), ...gatedResponses },
        },
      },
      '/api/v1/trunks/status': {
        get: {
          summary: 'SIP accounts (trunks) with their STUN and registration state',
          description: `Values as on the CCC's provider page, split into two indicators; path and codes ${INVENTED}. ${GATED}`,
          security: [{ cookieAuth: [] }],
          parameters: [{ $ref: '#/components/parameters/limit' }, { $ref: '#/components/parameters/offset' }],
          responses: { '200': json(ref('TrunkList'), 'One page of trunks'), ...gatedResponses },
        },
      },
      '/api/v1/monitoring/samples': {
        get: {
          summary: 'CPU load and memory usage over time',
          description:
            `One sample at from + k * step for every step within [from, to); to is capped at the device's clock. ` +
            `Requires the device-side opt-in (monitoringEnabled). Path, query, fields and limits ${INVENTED}. ${GATED}`,
          security: [{ cookieAuth: [] }],
          parameters: [
            {
              name: 'from',
              in: 'query',
              required: true,
              description: 'Start (inclusive), ISO 8601 with offset',
              schema: { type: 'string', format: 'date-time' },
            },
            {
              name: 'to',
              in: 'query',
              required: true,
              description: `End (exclusive), ISO 8601 with offset; at most ${MAX_SAMPLE_RANGE_DAYS} days after from`,
              schema: { type: 'string', format: 'date-time' },
            },
            {
              name: 'step',
              in: 'query',
              description: `Seconds between samples; at most ${MAX_SAMPLE_POINTS} samples per request`,
              schema: { type: 'integer', minimum: MIN_SAMPLE_STEP_SECONDS, default: MIN_SAMPLE_STEP_SECONDS },
            },
          ],
          responses: {
            '200': json(ref('MonitoringSampleList'), 'The samples, oldest first'),
            '409': json(ref('Error'), `MONITORING_DISABLED: recording of system data is off on the device. ${INVENTED}`),
            ...gatedResponses,
          },
        },
      },
      '/api/v1/systemmessages': {
        get: {
          summary: 'System messages (Systemmeldungen), oldest first',
          description:
            `Only messages with an id above since. The simulated log starts on ${MESSAGE_LOG_START.slice(0, 10)}. ` +
            `Path, since and fields ${INVENTED}; the four classes follow the COMtrexx help. ${GATED}`,
          security: [{ cookieAuth: [] }],
          parameters: [
            {
              name: 'since',
              in: 'query',
              description: 'Id of the last message already seen',
              schema: { type: 'integer', minimum: 0, default: 0 },
            },
            { $ref: '#/components/parameters/limit' },
            { $ref: '#/components/parameters/offset' },
          ],
          responses: { '200': json(ref('SystemMessageList'), 'One page of messages'), ...gatedResponses },
        },
      },
      ...callDataPaths(),
      '/api/v1/remoteaccess/session': {
        post: {
          summary: 'Open a remote configuration session via the Remote-Access-Server',
          description:
            `While a session is active, answers it again with 200 instead of opening another. ` +
            `Valid ${REMOTE_SESSION_MINUTES} minutes. Path, fields and URL format ${INVENTED}. ${GATED}`,
          security: [{ cookieAuth: [] }],
          responses: {
            '200': json(ref('RemoteAccessSession'), 'The session that was already active'),
            '201': json(ref('RemoteAccessSession'), 'A new session'),
            ...gatedResponses,
            '412': json(
              ref('Error'),
              `REMOTE_CONFIG_DISABLED (not allowed on the device, enable it under Externer Zugriff), ` +
                `MAINTENANCE_REQUIRED or FIRMWARE_UNSUPPORTED. ${INVENTED}`,
            ),
          },
        },
        get: {
          summary: 'Whether a remote configuration session is active (the CCC\'s "connected" icon)',
          description: `An expired session, or one on a device that no longer allows remote configuration, is inactive. ${INVENTED}. ${GATED}`,
          security: [{ cookieAuth: [] }],
          responses: { '200': json(ref('RemoteAccessState'), 'Session state'), ...gatedResponses },
        },
        delete: {
          summary: 'End the remote configuration session, if any',
          description: `${INVENTED}. ${GATED}`,
          security: [{ cookieAuth: [] }],
          responses: { '204': { description: 'No session is active any more' }, ...gatedResponses },
        },
      },
      ...backupPaths(),
      ...firmwarePaths(),
      '/webui/': {
        get: {
          summary: 'The web interface a remote configuration session opens (a placeholder page)',
          description: `Takes no ctx_sessionid cookie; the session id from the URL is the credential. ${INVENTED}`,
          security: [],
          parameters: [{ name: 'session', in: 'query', required: true, schema: string('sessionId of the active session') }],
          responses: {
            '200': { description: 'Placeholder page', content: { 'text/html': { schema: string() } } },
            '403': { description: 'No valid session id', content: { 'text/html': { schema: string() } } },
          },
        },
      },
      '/api/system/api': {
        get: {
          summary: 'This document',
          description:
            'A real COMtrexx serves its ctx-api-v1.yml here and requires an admin login; the simulator serves it openly.',
          security: [],
          responses: {
            '200': { description: 'OpenAPI document', content: { 'application/yaml': { schema: string() } } },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        basicAuth: { type: 'http', scheme: 'basic' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'ctx_sessionid' },
      },
      parameters: {
        limit: {
          name: 'limit',
          in: 'query',
          description: `Page size, default ${DEFAULT_PAGE_LIMIT}. Default and maximum are ${INVENTED}`,
          schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT },
        },
        offset: {
          name: 'offset',
          in: 'query',
          description: 'Rows to skip',
          schema: { type: 'integer', minimum: 0, default: 0 },
        },
      },
      responses: {
        BadRequest: json(ref('Error'), 'BAD_REQUEST: malformed body or query'),
        Unauthorized: json(ref('Error'), 'UNAUTHORIZED: wrong credentials, or no valid session; log in again'),
        NotPaired: json(ref('Error'), `NOT_PAIRED: the device is not paired with the CCC. ${INVENTED}`),
        PreconditionFailed: json(ref('Error'), `MAINTENANCE_REQUIRED or FIRMWARE_UNSUPPORTED. ${INVENTED}`),
        Rebooting: {
          description: `REBOOTING: the device is restarting; every session has ended. ${INVENTED} body`,
          headers: { 'Retry-After': { description: 'Seconds until the device is back', schema: { type: 'integer' } } },
          content: { 'application/json': { schema: ref('Error') } },
        },
      },
      schemas: {
        Error: {
          type: 'object',
          description: `Error body of every failed request except 423. ${INVENTED}`,
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: enumOf(ERROR_CODES), message: string('For people, not for parsing') },
            },
          },
        },
        Blocked: {
          type: 'object',
          required: ['blocked'],
          properties: { blocked: { type: 'integer', description: 'Seconds until logins are accepted again' } },
        },
        Links: {
          type: 'object',
          required: ['totalCount'],
          properties: {
            totalCount: { type: 'integer' },
            next: string(`Path of the next page, present while more rows follow. ${INVENTED}`),
          },
        },
        SystemInfo: {
          type: 'object',
          properties: {
            serialNumber: string(),
            model: enumOf(['COMtrexx Business', 'COMtrexx Advanced', 'COMtrexx VM']),
            firmwareVersion: string('major.minor.patch'),
            apiVersion: string(),
            macAddress: string(),
            hostname: string(),
            systemTime: { type: 'string', format: 'date-time' },
            uptimeSeconds: { type: 'integer' },
            userLicences: {
              type: 'object',
              properties: { used: { type: 'integer' }, total: { type: 'integer' } },
            },
          },
        },
        CccAccess: {
          type: 'object',
          properties: {
            state: enumOf(['none', 'confirmed'], 'The simulator does not produce pending or error yet'),
            confirmedAt: nullable({ type: 'string', format: 'date-time' }),
            monitoringEnabled: { type: 'boolean' },
            remoteConfigEnabled: { type: 'boolean' },
            proxyEnabled: { type: 'boolean' },
            proxyHost: string(),
          },
        },
        Maintenance: {
          type: 'object',
          properties: {
            active: { type: 'boolean' },
            validUntil: nullable({ type: 'string', format: 'date' }),
            source: enumOf(['voucher-center']),
          },
        },
        PhoneStatus: {
          type: 'object',
          required: ['id', 'name', 'macAddress', 'type', 'manufacturer', 'model', 'firmwareVersion', 'userNumber', 'status'],
          properties: {
            id: { type: 'integer' },
            name: string(),
            macAddress: nullable(string('null for analogue devices')),
            type: enumOf(PHONE_TYPES, INVENTED),
            manufacturer: nullable(string('null for analogue devices')),
            model: string(),
            firmwareVersion: nullable(string('Free text, e.g. 2.2A; null for analogue devices')),
            userNumber: nullable(string('Internal number of the assigned user; null for DECT bases')),
            status: enumOf(PHONE_STATUSES, `Documented meanings, ${INVENTED} code names`),
          },
        },
        TrunkStatus: {
          type: 'object',
          required: ['id', 'accountName', 'providerName', 'stunState', 'registrationState', 'lastChange'],
          properties: {
            id: { type: 'integer' },
            accountName: string('Label chosen in the PBX'),
            providerName: string(`e.g. ${TRUNK_PROVIDERS.join(', ')}`),
            stunState: enumOf(TRUNK_STUN_STATES, `Documented meanings, ${INVENTED} code names`),
            registrationState: enumOf(TRUNK_REGISTRATION_STATES, `Documented meanings, ${INVENTED} code names`),
            lastChange: { type: 'string', format: 'date-time', description: INVENTED },
          },
        },
        MonitoringSample: {
          type: 'object',
          description: INVENTED,
          required: ['ts', 'cpuLoadPercent', 'memUsedBytes', 'memTotalBytes'],
          properties: {
            ts: { type: 'string', format: 'date-time' },
            cpuLoadPercent: { type: 'number', minimum: 0, maximum: 100, description: 'One decimal' },
            memUsedBytes: { type: 'integer' },
            memTotalBytes: { type: 'integer' },
          },
        },
        SystemMessage: {
          type: 'object',
          description: INVENTED,
          required: ['id', 'ts', 'severity', 'category', 'text'],
          properties: {
            id: { type: 'integer', minimum: 1, description: 'Increases with ts; not contiguous' },
            ts: { type: 'string', format: 'date-time' },
            severity: enumOf(
              SYSTEM_MESSAGE_SEVERITIES,
              `System information, simple malfunction, serious malfunction, security warning; ${INVENTED} code names`,
            ),
            category: string('German label, e.g. Firmware-Update, Lizenz, SIP-Registrierung, IP-Sperre'),
            text: string('German text, for people'),
          },
        },
        RemoteAccessSession: {
          type: 'object',
          description: INVENTED,
          required: ['sessionId', 'url', 'expiresAt'],
          properties: {
            sessionId: string(),
            url: string('Opens the web UI: <base>/devices/<serial>/webui/?session=<sessionId>'),
            expiresAt: { type: 'string', format: 'date-time' },
          },
        },
        RemoteAccessState: {
          type: 'object',
          description: INVENTED,
          required: ['active'],
          properties: {
            active: { type: 'boolean' },
            sessionId: string('Only while active'),
            expiresAt: { type: 'string', format: 'date-time', description: 'Only while active' },
          },
        },
        MonitoringSampleList: {
          type: 'object',
          properties: { _links: ref('Links'), data: { type: 'array', items: ref('MonitoringSample') } },
        },
        ...callDataSchemas(),
        SystemMessageList: {
          type: 'object',
          properties: { _links: ref('Links'), data: { type: 'array', items: ref('SystemMessage') } },
        },
        PhoneList: {
          type: 'object',
          properties: { _links: ref('Links'), data: { type: 'array', items: ref('PhoneStatus') } },
        },
        TrunkList: {
          type: 'object',
          properties: { _links: ref('Links'), data: { type: 'array', items: ref('TrunkStatus') } },
        },
        ...backupAndFirmwareSchemas(),
      },
    },
  };
}

const backupConflict = json(
  ref('Error'),
  'BACKUP_NOT_CONFIGURED, UPDATE_IN_PROGRESS (a firmware update runs) or BACKUP_IN_PROGRESS (a backup or restore ' +
    `runs). ${INVENTED}`,
);
const notConfigured = json(
  ref('Error'),
  `BACKUP_NOT_CONFIGURED: backup server and password are not set up on the device. ${INVENTED}`,
);
const jobAccepted = (what: string): Spec => ({
  description: `${what}; poll the job. ${INVENTED}`,
  headers: { Location: { description: 'Path of the job', schema: string() } },
  content: { 'application/json': { schema: ref('JobAccepted') } },
});
const idParameter = (name: string, description: string): Spec => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: string(),
});

// Remote backup (domain §1.7). The operations are documented; everything else is the simulator's proposal.
function backupPaths(): Spec {
  const gated = `${INVENTED}. ${GATED}`;
  return {
    '/api/v1/backups/config': {
      get: {
        summary: 'Whether remote backup is set up on the device (backup server and password, set locally)',
        description: gated,
        security: [{ cookieAuth: [] }],
        responses: { '200': json(ref('BackupConfig'), 'Backup setup'), ...gatedResponses },
      },
    },
    '/api/v1/backups': {
      get: {
        summary: 'Backups on the backup server, newest first',
        description: gated,
        security: [{ cookieAuth: [] }],
        parameters: [{ $ref: '#/components/parameters/limit' }, { $ref: '#/components/parameters/offset' }],
        responses: { '200': json(ref('BackupList'), 'One page of backups'), '409': notConfigured, ...gatedResponses },
      },
      post: {
        summary: 'Create a backup of the current configuration',
        description:
          `Queued for ${BACKUP_QUEUE_SECONDS} s, then running; done after ${BACKUP_JOB_SECONDS} s, when the backup ` +
          `appears in the list (simulator fault backupFails: failed after ${BACKUP_FAIL_SECONDS} s). ${gated}`,
        security: [{ cookieAuth: [] }],
        responses: {
          '202': jobAccepted('Backup job started'),
          '409': backupConflict,
          ...gatedResponses,
        },
      },
    },
    '/api/v1/backups/jobs/{jobId}': {
      get: {
        summary: 'State of a backup or restore job',
        description: `The device remembers its recent jobs only. ${gated}`,
        security: [{ cookieAuth: [] }],
        parameters: [idParameter('jobId', 'Id from the 202 answer')],
        responses: {
          '200': json(ref('BackupJob'), 'The job'),
          '404': json(ref('Error'), 'NOT_FOUND: no such job'),
          '409': notConfigured,
          ...gatedResponses,
        },
      },
    },
    '/api/v1/backups/{id}/restore': {
      post: {
        summary: 'Restore a backup: overwrites the configuration and restarts the device',
        description:
          `The settings are written for ${RESTORE_APPLY_SECONDS} s, then the device restarts for ` +
          `${REBOOT_MIN_SECONDS}–${REBOOT_MAX_SECONDS} s (503 with Retry-After, every session ends); the job is ` +
          `done when it is back. Backups from older firmware may lack newer settings. ${gated}`,
        security: [{ cookieAuth: [] }],
        parameters: [idParameter('id', 'Backup id')],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  password: string(
                    'Backup password valid when the backup was made, if changed since; not checked by the simulator',
                  ),
                },
              },
            },
          },
        },
        responses: {
          '202': jobAccepted('Restore started'),
          '404': json(ref('Error'), 'NOT_FOUND: no such backup'),
          '409': backupConflict,
          ...gatedResponses,
        },
      },
    },
    '/api/v1/backups/{id}': {
      delete: {
        summary: 'Delete a backup from the backup server',
        description: gated,
        security: [{ cookieAuth: [] }],
        parameters: [idParameter('id', 'Backup id')],
        responses: {
          '204': { description: 'Deleted' },
          '404': json(ref('Error'), 'NOT_FOUND: no such backup'),
          '409': notConfigured,
          ...gatedResponses,
        },
      },
    },
    '/api/v1/backups/schedule': {
      get: {
        summary: 'Interval of automatic backups, with the last and next run',
        description:
          `Runs are the anchor plus whole intervals (UTC); due runs happen by themselves. The server keeps the ` +
          `newest ${MAX_SCHEDULED_BACKUPS} scheduled backups. ${gated}`,
        security: [{ cookieAuth: [] }],
        responses: { '200': json(ref('BackupSchedule'), 'The schedule'), '409': notConfigured, ...gatedResponses },
      },
      put: {
        summary: 'Change the interval of automatic backups',
        description:
          'Switching on from off sets the anchor (the time of day of every run) to now; changing between ' +
          `intervals keeps it (COMtrexx help); off clears it. interval null = off, omitted = unchanged. ${gated}`,
        security: [{ cookieAuth: [] }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: { interval: nullable(enumOf(BACKUP_INTERVALS, `${INVENTED} values`)) },
              },
            },
          },
        },
        responses: { '200': json(ref('BackupSchedule'), 'The changed schedule'), '409': notConfigured, ...gatedResponses },
      },
    },
  };
}

// Firmware update (domain §1.8): the device pulls from the update server; the CCC only triggers it.
function firmwarePaths(): Spec {
  const gated = `${INVENTED}. ${GATED} Devices below 2.4.4 can only be updated locally.`;
  const t = UPDATE_TIMELINE;
  return {
    '/api/v1/firmware': {
      get: {
        summary: 'Installed firmware and the newer version the update server offers',
        description: gated,
        security: [{ cookieAuth: [] }],
        responses: { '200': json(ref('Firmware'), 'Firmware versions'), ...gatedResponses },
      },
    },
    '/api/v1/firmware/update': {
      post: {
        summary: 'Start an update including restart ("Sofortiges Firmware-Update")',
        description:
          `checking until ${t.checking} s, downloading until ${t.downloading} s, installing until ${t.installing} s, ` +
          `then rebooting: from ${t.goesDown} s the device answers 503 for ${REBOOT_MIN_SECONDS}–${REBOOT_MAX_SECONDS} s ` +
          `and is back with the new version. Without the update server it fails while checking. ${gated}`,
        security: [{ cookieAuth: [] }],
        responses: {
          '202': {
            description: `Update started; poll the status. ${INVENTED}`,
            headers: { Location: { description: 'Path of the update status', schema: string() } },
            content: { 'application/json': { schema: ref('JobAccepted') } },
          },
          '409': json(
            ref('Error'),
            `UPDATE_IN_PROGRESS, BACKUP_IN_PROGRESS, or NO_UPDATE_AVAILABLE (the installed version is the ` +
              `newest). ${INVENTED}`,
          ),
          ...gatedResponses,
        },
      },
    },
    '/api/v1/firmware/update/status': {
      get: {
        summary: 'The running or most recent update, and the finished ones ("Update-Status")',
        description: gated,
        security: [{ cookieAuth: [] }],
        responses: { '200': json(ref('FirmwareUpdateStatus'), 'Update status'), ...gatedResponses },
      },
    },
  };
}

function backupAndFirmwareSchemas(): Spec {
  const dateTime = (description?: string): Spec => ({
    type: 'string',
    format: 'date-time',
    ...(description ? { description } : {}),
  });
  return {
    JobAccepted: {
      type: 'object',
      description: INVENTED,
      required: ['jobId'],
      properties: { jobId: string() },
    },
    BackupConfig: {
      type: 'object',
      description: INVENTED,
      required: ['configured', 'serverAddress', 'passwordSet'],
      properties: {
        configured: { type: 'boolean' },
        serverAddress: nullable(string('Backup server; null while not configured')),
        passwordSet: { type: 'boolean', description: 'The password itself never leaves the device' },
      },
    },
    Backup: {
      type: 'object',
      description: `Creation date and time are documented; the other fields are ${INVENTED}`,
      required: ['id', 'createdAt', 'firmwareVersion', 'sizeBytes', 'trigger'],
      properties: {
        id: string(),
        createdAt: dateTime(),
        firmwareVersion: string('Firmware that made the backup'),
        sizeBytes: { type: 'integer' },
        trigger: enumOf(['manual', 'scheduled']),
      },
    },
    BackupList: {
      type: 'object',
      properties: { _links: ref('Links'), data: { type: 'array', items: ref('Backup') } },
    },
    BackupJob: {
      type: 'object',
      description: INVENTED,
      required: ['jobId', 'kind', 'state', 'progress', 'startedAt', 'finishedAt'],
      properties: {
        jobId: string(),
        kind: enumOf(['backup', 'restore']),
        state: enumOf(BACKUP_JOB_STATES),
        progress: { type: 'integer', minimum: 0, maximum: 100 },
        startedAt: dateTime(),
        finishedAt: nullable(dateTime()),
        backupId: string('The new backup (backup, once done) or the backup restored (restore)'),
        message: string('Why the job failed'),
      },
    },
    BackupSchedule: {
      type: 'object',
      description: INVENTED,
      required: ['interval', 'anchorTime', 'lastRun', 'nextRun'],
      properties: {
        interval: enumOf(BACKUP_INTERVALS, `${INVENTED} values; the real list is not public`),
        anchorTime: nullable(dateTime('When the schedule was switched on; every run is at this time of day')),
        lastRun: nullable(dateTime('Last periodic backup')),
        nextRun: nullable(dateTime('Next periodic backup; null while off')),
      },
    },
    Firmware: {
      type: 'object',
      description: INVENTED,
      required: ['installed', 'available', 'updateServerReachable'],
      properties: {
        installed: string('major.minor.patch'),
        available: nullable(string('Newer version on the update server; null when none or not reachable')),
        updateServerReachable: { type: 'boolean' },
      },
    },
    FirmwareUpdateEntry: {
      type: 'object',
      description: INVENTED,
      required: ['jobId', 'fromVersion', 'toVersion', 'state', 'startedAt', 'finishedAt', 'message'],
      properties: {
        jobId: string(),
        fromVersion: string(),
        toVersion: nullable(string('null when the update server could not be asked')),
        state: enumOf(['succeeded', 'failed']),
        startedAt: dateTime(),
        finishedAt: dateTime(),
        message: nullable(string()),
      },
    },
    FirmwareUpdateStatus: {
      type: 'object',
      description: `"Running and completed updates" are documented; states and fields are ${INVENTED}`,
      required: ['state', 'progress', 'fromVersion', 'toVersion', 'startedAt', 'finishedAt', 'message', 'history'],
      properties: {
        state: enumOf(UPDATE_STATES, 'Of the running or most recent update; idle when there was none'),
        progress: { type: 'integer', minimum: 0, maximum: 100 },
        fromVersion: nullable(string()),
        toVersion: nullable(string()),
        startedAt: nullable(dateTime()),
        finishedAt: nullable(dateTime()),
        message: nullable(string('Outcome of a finished update')),
        history: { type: 'array', description: 'Finished updates, newest first', items: ref('FirmwareUpdateEntry') },
      },
    },
  };
}

/** {@link openApiDocument} as YAML text. */
export function openApiYaml(serialNumber: string): string {
  return toYaml(openApiDocument(serialNumber));
}

// Call data (domain §1.11, §2.1): fields, limit, offset and UserId are those of the real REST API.
function callDataPaths(): Spec {
  const dateParameter = (name: string, description: string): Spec => ({
    name,
    in: 'query',
    description,
    schema: { type: 'string', format: 'date-time' },
  });
  return {
    '/api/v1/calldata': {
      get: {
        summary: 'Call data records (Gesprächsdaten), oldest first',
        description:
          `The device keeps the newest ${CALL_DATA_CAPACITY} records; older ones are overwritten. A record appears ` +
          'when its call has ended, and CallDataId counts in that order, so startDate is not sorted. Path, fields, ' +
          `limit, offset and UserId as on a real COMtrexx; the order, afterId, since, the meaning of UserId and the ` +
          `next link ${INVENTED}. The simulated history starts on ${CALL_DATA_START.slice(0, 10)}. ${GATED}`,
        security: [{ cookieAuth: [] }],
        parameters: [
          {
            name: 'UserId',
            in: 'query',
            description:
              'Only records of this user. In the simulator: the internal number in userNumber or ' +
              `connectedUserNumber. ${INVENTED}`,
            schema: string(),
          },
          {
            name: 'afterId',
            in: 'query',
            description:
              'Only records with a CallDataId above this one. Compares the ids the device reports, so on a device ' +
              `whose ids are all 0 it finds nothing. Not in the real API. ${INVENTED}`,
            schema: { type: 'integer', minimum: 0 },
          },
          dateParameter(
            'since',
            `Only calls that started at or after this moment (ISO 8601 with offset). Not in the real API. ${INVENTED}`,
          ),
          { $ref: '#/components/parameters/limit' },
          { $ref: '#/components/parameters/offset' },
        ],
        responses: { '200': json(ref('CallDataList'), 'One page of records'), ...gatedResponses },
      },
    },
    '/api/v1/calldata/export.csv': {
      get: {
        summary: 'The call data as the gespr_dat.csv file the CCC offers for download',
        description:
          'UTF-8 with BOM, ";" as separator, CRLF line ends, a header line with the CCC column names, German local ' +
          'time (dd.mm.yyyy hh:mm:ss) and durations as hh:mm:ss; rows by start time. Only records the device still ' +
          `keeps. The file name is the CCC's; path and format ${INVENTED}. ${GATED}`,
        security: [{ cookieAuth: [] }],
        parameters: [
          dateParameter('from', 'Calls that started at or after this moment (ISO 8601 with offset); default: all'),
          dateParameter('to', 'Calls that started before this moment (ISO 8601 with offset); default: all'),
        ],
        responses: {
          '200': {
            description: `The file; columns ${CALL_DATA_CSV_HEADER.join(', ')}`,
            headers: {
              'Content-Disposition': { description: 'attachment; filename="gespr_dat.csv"', schema: string() },
            },
            content: { 'text/csv': { schema: string() } },
          },
          ...gatedResponses,
        },
      },
    },
  };
}

function callDataSchemas(): Spec {
  const text = (description: string): Spec => string(`${description}; "" where it does not apply ${INVENTED}`);
  return {
    CallData: {
      type: 'object',
      description: 'One call data record, with the field names of the real COMtrexx REST API',
      required: [
        'CallDataId',
        'startDate',
        'length',
        'externalName',
        'externalPhoneNumber',
        'msn',
        'userNumber',
        'userName',
        'connectedUserNumber',
        'connectedUserName',
        'groupNumber',
        'groupName',
        'cost',
        'costFactor',
        'direction',
        'callType',
        'success',
      ],
      properties: {
        CallDataId: {
          type: 'integer',
          minimum: 0,
          description: 'Increases by one per record; 0 on every record of a firmware with that quirk',
        },
        startDate: { type: 'string', format: 'date-time', description: 'Start of the call, UTC, whole seconds' },
        length: {
          type: 'integer',
          minimum: 0,
          maximum: MAX_CALL_SECONDS,
          description: 'Seconds; ring time for unsuccessful calls',
        },
        externalName: text('From the contacts, else the provider name for a VoIP number'),
        externalPhoneNumber: text('Dialled number (outgoing) or caller number (incoming, unless withheld)'),
        msn: string('Own external number (Anschluss)'),
        userNumber: string('Billing number (Nr. Rechnung): user, or the group an incoming call was for'),
        userName: string('Billing name (Name Rechnung)'),
        connectedUserNumber: string('Number of the party that actually took part (Nr. real)'),
        connectedUserName: string('Name of that party (Name real)'),
        groupNumber: text('Group an incoming call was for'),
        groupName: text('Name of that group'),
        cost: { type: 'number', description: `Charges; euros in the simulator ${INVENTED}` },
        costFactor: { type: 'number' },
        direction: enumOf(['Incoming', 'Outgoing']),
        callType: enumOf(CALL_TYPES, 'The real enum has more values (not public); these are the ones simulated'),
        success: { type: 'boolean', description: 'Abrechnungsart: erfolgreich (true) or vergeblich (false)' },
      },
    },
    CallDataList: {
      type: 'object',
      properties: { _links: ref('Links'), data: { type: 'array', items: ref('CallData') } },
    },
  };
}
