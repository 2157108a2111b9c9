import { ERROR_CODES } from './httpErrors';
import {
  PHONE_STATUSES,
  PHONE_TYPES,
  TRUNK_PROVIDERS,
  TRUNK_REGISTRATION_STATES,
  TRUNK_STUN_STATES,
} from './inventory';
import { LOCKOUT_FAILED_LOGINS, LOCKOUT_SECONDS } from './lockout';
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
      },
    },
  };
}

/** {@link openApiDocument} as YAML text. */
export function openApiYaml(serialNumber: string): string {
  return toYaml(openApiDocument(serialNumber));
}
