import { z } from 'zod';

/** An outgoing mail server as the API shows it; the password is never returned, only whether one is set. */
export interface CccSmtpServer {
  id: string;
  name: string;
  /** IP address or host name. */
  host: string;
  port: number;
  username: string | null;
  passwordSet: boolean;
  /** Sender address (From). */
  sender: string;
  /** Where warnings and the test mail go. */
  recipient: string;
  /** "Kein TLS verwenden": for servers that cannot do TLS at all. */
  noTls: boolean;
  /** Used for every system without its own assignment. */
  isDefault: boolean;
  /** Systems whose warnings go through this server (assigned, or by default). */
  systemCount: number;
  createdAt: string;
  updatedAt: string;
}

/** What every user may see of a server, to choose one for a system. */
export type CccSmtpServerChoice = Pick<CccSmtpServer, 'id' | 'name' | 'isDefault'>;

/** A system's mail server: its own assignment, and the server that is actually used. */
export interface CccSystemSmtp {
  assigned: CccSmtpServerChoice | null;
  effective: CccSmtpServerChoice | null;
}

/** Result of "Prüfen": the server's own answer, or what went wrong in plain words. */
export interface CccSmtpCheckResult {
  delivered: boolean;
  message: string;
  /** The SMTP server's last reply line, when there was one. */
  response?: string;
}

const HOST_NAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9a-fA-F:]+$/;

const host = z
  .string()
  .trim()
  .refine(
    value => IPV4.test(value) || (value.includes(':') && IPV6.test(value)) || (HOST_NAME.test(value) && !/^[\d.]+$/.test(value)),
    'Enter an IP address or a host name, e.g. smtp.example.com',
  );
const address = (what: string) => z.string().trim().email(`Enter the ${what} as an e-mail address, e.g. pbx@example.com`);

const serverFields = {
  name: z.string().trim().min(1, 'Enter a name for the server').max(100, 'The name may have at most 100 characters'),
  host,
  port: z
    .number({ message: 'The port is a number from 1 to 65535' })
    .int('The port is a whole number')
    .min(1, 'The port is a number from 1 to 65535')
    .max(65535, 'The port is a number from 1 to 65535'),
  username: z.string().trim().max(200).nullable(),
  // Write-only: null clears it; omitted on update keeps it.
  password: z.string().min(1, 'The password must not be empty; send null to remove it').max(500).nullable(),
  sender: address('sender'),
  recipient: address('recipient'),
  noTls: z.boolean({ message: 'noTls is true or false' }),
  isDefault: z.boolean({ message: 'isDefault is true or false' }),
};

/** Body of `POST /smtp-servers`. */
export const createSmtpServerRequestSchema = z
  .object({
    ...serverFields,
    username: serverFields.username.optional().default(null),
    password: serverFields.password.optional().default(null),
    noTls: serverFields.noTls.optional().default(false),
    isDefault: serverFields.isDefault.optional().default(false),
  })
  .strict();

/** Body of `PATCH /smtp-servers/:id`: only what changes. */
export const updateSmtpServerRequestSchema = z
  .object(serverFields)
  .partial()
  .strict()
  .refine(body => Object.keys(body).length > 0, 'Nothing to change');

/** Body of `POST /smtp-servers/delete`. */
export const deleteSmtpServersRequestSchema = z
  .object({ ids: z.array(z.string().uuid('ids must be server ids')).min(1, 'Select at least one server').max(500) })
  .strict();

/** Body of `PUT /systems/:id/smtp`. */
export const assignSmtpServerRequestSchema = z
  .object({ smtpServerId: z.string().uuid('smtpServerId must be a server id') })
  .strict();

/** Severities of COMtrexx system messages, lowest first (manual: Warnungen; COMtrexx system message classes). */
export const WARNING_SEVERITIES = ['info', 'malfunction', 'serious', 'security'] as const;

/** Severity of a warning. */
export type CccWarningSeverity = (typeof WARNING_SEVERITIES)[number];

/** A warning (system message) collected from a device. */
export interface CccWarning {
  /** The id the device gave it; unique per system. */
  id: number;
  ts: string;
  severity: CccWarningSeverity;
  category: string;
  text: string;
  /** When it went out in an alert mail, or null. */
  mailedAt: string | null;
}

/** Query of `GET /systems/:id/warnings`. */
export const warningQuerySchema = z
  .object({
    severity: z
      .union([z.enum(WARNING_SEVERITIES), z.array(z.enum(WARNING_SEVERITIES))], {
        message: `severity is one of ${WARNING_SEVERITIES.join(', ')}`,
      })
      .optional()
      .transform(v => (typeof v === 'string' ? [v] : v)),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(['ts', 'severity', 'text'], { message: 'sort is ts, severity or text' }).default('ts'),
    order: z.enum(['asc', 'desc'], { message: 'order is asc or desc' }).default('desc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
