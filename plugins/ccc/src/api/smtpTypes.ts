import {
  CccSmtpServer,
  CccSmtpServerChoice,
  CccWarning,
  CccWarningSeverity,
} from '@internal/plugin-ccc-common';

/** Fields of a new SMTP server; without a password the server is used without authentication. */
export interface CreateSmtpServerRequest {
  name: string;
  host: string;
  port: number;
  username?: string | null;
  password?: string | null;
  sender: string;
  recipient: string;
  noTls?: boolean;
  isDefault?: boolean;
}

/** Changed fields of an SMTP server: an omitted password stays, `null` removes it. */
export type UpdateSmtpServerRequest = Partial<CreateSmtpServerRequest>;

/**
 * The SMTP servers as the signed-in user may see them: every detail for fleet
 * administrators, otherwise only the names to choose one for a system.
 */
export type CccSmtpServerList =
  | { details: true; items: CccSmtpServer[] }
  | { details: false; items: CccSmtpServerChoice[] };

/** Sort columns of the warnings list. */
export type WarningSortKey = 'ts' | 'severity' | 'text';

/** Filter, sort and page of a system's warnings; what is left out takes the backend's default. */
export interface WarningListQuery {
  /** Only these severities; empty or omitted means all. */
  severities?: CccWarningSeverity[];
  /** Text contained in the message or its category. */
  q?: string;
  sort?: WarningSortKey;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** One page of warnings and how many match the filter in total. */
export interface CccWarningPage {
  items: CccWarning[];
  totalCount: number;
}

/** What alerting did with a batch of warnings. */
export type CccAlertStatus = 'sent' | 'failed' | 'no_server' | 'suppressed';

/**
 * One alert mail attempt of a system: sent, failed (tried again on the next
 * run), no server to send through, or left out because the same warnings
 * were mailed within the cooldown.
 */
export interface CccAlertDelivery {
  id: number;
  systemId?: string;
  smtpServerId?: string | null;
  at: string;
  status: CccAlertStatus;
  /** Warnings the mail contained. */
  warningCount: number;
  /** Repeated warnings left out within the cooldown. */
  suppressedCount: number;
  recipient: string | null;
  subject: string | null;
  error: string | null;
}
