import { Knex } from 'knex';
import { AlertConditionStore } from './AlertConditionStore';
import { DatabaseAlertConditionStore } from './DatabaseAlertConditionStore';
import { AccessStore } from './AccessStore';
import { AuditStore } from './AuditStore';
import { BackupStore } from './BackupStore';
import { CallDataStore } from './CallDataStore';
import { DatabaseCallDataStore } from './DatabaseCallDataStore';
import { DatabaseAccessStore } from './DatabaseAccessStore';
import { DatabaseBackupStore } from './DatabaseBackupStore';
import { DatabaseMonitoringStore } from './DatabaseMonitoringStore';
import { DatabaseRemoteLinkStore } from './DatabaseRemoteLinkStore';
import { MonitoringStore } from './MonitoringStore';
import { RemoteLinkStore } from './RemoteLinkStore';
import { DatabaseRolloutStore } from './DatabaseRolloutStore';
import { RolloutStore } from './RolloutStore';
import { DatabaseAuditStore } from './DatabaseAuditStore';
import { DatabaseSmtpStore } from './DatabaseSmtpStore';
import { DatabaseSystemStore } from './DatabaseSystemStore';
import { DatabaseWarningStore } from './DatabaseWarningStore';
import { SmtpStore } from './SmtpStore';
import { SystemStore } from './SystemStore';
import { WarningStore } from './WarningStore';

/** The CCC's stores, all on the same connection or transaction. */
export interface CccStores {
  systems: SystemStore;
  access: AccessStore;
  audit: AuditStore;
  smtp: SmtpStore;
  warnings: WarningStore;
  backups: BackupStore;
  remoteLinks: RemoteLinkStore;
  callData: CallDataStore;
  monitoring: MonitoringStore;
  rollouts: RolloutStore;
  alertConditions: AlertConditionStore;
}

/** The stores plus a way to run several writes atomically (a change and its audit row). */
export interface CccDatabase extends CccStores {
  /** Runs `fn` in one transaction; the stores it receives write inside it. */
  transaction<T>(fn: (stores: CccStores) => Promise<T>): Promise<T>;
}

function storesOn(knex: Knex): CccStores {
  return {
    systems: new DatabaseSystemStore(knex),
    access: new DatabaseAccessStore(knex),
    audit: new DatabaseAuditStore(knex),
    smtp: new DatabaseSmtpStore(knex),
    warnings: new DatabaseWarningStore(knex),
    backups: new DatabaseBackupStore(knex),
    remoteLinks: new DatabaseRemoteLinkStore(knex),
    callData: new DatabaseCallDataStore(knex),
    monitoring: new DatabaseMonitoringStore(knex),
    rollouts: new DatabaseRolloutStore(knex),
    alertConditions: new DatabaseAlertConditionStore(knex),
  };
}

/** Stores on knex (SQLite or PostgreSQL). */
export function createCccDatabase(knex: Knex): CccDatabase {
  return {
    ...storesOn(knex),
    transaction: fn => knex.transaction(trx => fn(storesOn(trx))),
  };
}
