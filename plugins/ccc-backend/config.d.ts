import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the COMtrexx Control Center plugins. */
  ccc?: {
    /**
     * Key that encrypts secrets at rest (device credentials, SMTP passwords):
     * at least 32 characters, e.g. from `openssl rand -base64 32`. Required.
     * Changing it makes stored secrets unreadable; the backend refuses to
     * start with a key other than the one the database was set up with.
     * @visibility secret
     */
    encryptionKey: string;

    /** How the backend reaches COMtrexx devices. */
    devices?: {
      /**
       * URL of a device's base, with `{serial}` standing for its serial
       * number, e.g. `https://gateway.example.com/comtrexx/{serial}` or, for
       * the simulator, `http://127.0.0.1:7008/devices/{serial}`.
       */
      urlTemplate?: string;
      /**
       * URL the health endpoint probes to tell whether the device side
       * (gateway or simulator) is reachable. Unset: not probed.
       */
      healthCheckUrl?: string;
      /** Limit for each HTTP request to a device, in milliseconds; default 10000. */
      timeoutMs?: number;
      /**
       * PEM of a CA that signed the devices' or the gateway's certificates,
       * trusted in addition to the system CAs (public, not secret).
       */
      caCertificate?: string;
    };

    /**
     * Fleet administrators: user and catalog group entity refs, e.g.
     * `group:default/fleet-admins`. They see every system, manage SMTP and read
     * the fleet audit trail; what they may do on a system still comes from roles.
     */
    fleetAdmins?: string[];

    /** The ready permission policy of `permissionModuleCccPolicy`. */
    permissionPolicy?: {
      /** What it answers for other plugins' permissions: `allow` (default) or `deny`. */
      fallback?: 'allow' | 'deny';
    };

    /** The periodic device jobs. */
    jobs?: {
      /**
       * Into how many slices each periodic device job (status, warnings, monitoring,
       * registration, backup status, call data) is split; each slice is one global
       * scheduler task, so backend replicas share the fleet. Default 4.
       */
      shards?: number;
    };

    /** Schedules of the CCC's periodic tasks. */
    schedule?: {
      /** Status poll of every system (state, maintenance, firmware); default every minute. */
      statusPoll?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Collection of new warnings (system messages) from every manageable system; default every minute. */
      warningsPoll?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Alert run (conditions, mails, notifications): at most one mail per system per run; default every 15 minutes. */
      alertMail?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Following running backups, restores and firmware updates; default every 10 seconds. */
      jobsFollow?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Advancing fleet firmware rollouts (waves, backups, updates); default every 15 seconds. */
      rolloutsAdvance?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Reading each system's backup state for backup assurance; default every 15 minutes. */
      backupStatus?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Collecting CPU and memory samples; default every 5 minutes. */
      monitoringPoll?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Reading phone and trunk registration states for the fleet views; default every 15 minutes. */
      registrationPoll?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Collecting new call data records from every manageable system; default every 5 minutes. */
      callDataPoll?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Deleting call data older than `ccc.callData.retentionDays` (only when set); default daily. */
      callDataPurge?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /** Call data (CDR) collected from the devices: privacy settings. */
    callData?: {
      /**
       * Whether external numbers are shown with their last three digits as `***`: `off` (default), `all` (for
       * everyone, list and export), or `allButCallDataRole` (full numbers only for users holding the Call data
       * role on the system, masked for everyone else, administrators and owners included).
       */
      masking?: 'off' | 'all' | 'allButCallDataRole';
      /** Records of calls older than this many days are deleted by a daily task. Unset keeps everything. */
      retentionDays?: number;
    };

    /** The dashboard's news: a JSON Feed (jsonfeed.org) URL read by the backend; unset shows none. */
    news?: {
      url?: string;
    };

    /** Help and legal documents linked on the dashboard (online help, privacy, EULA, open-source licences). */
    links?: Array<{ title: string; url: string }>;

    /** COMtrexx Maintenance. */
    maintenance?: {
      /**
       * Warn this many days before maintenance ends (overview, fleet health); default 30.
       * @visibility frontend
       */
      warnDays?: number;
    };

    /** Remote backups. */
    backups?: {
      /** Fleet default retention, applied after each backup; a system may have its own. Unset keeps everything. */
      retention?: {
        /** Keep the newest this many backups. */
        keepLast?: number;
        /** Keep backups younger than this many days. */
        keepDays?: number;
      };
      /** Days without a successful backup after which a system counts as stale; default 7. */
      staleAfterDays?: number;
    };

    /** Sending mail through the configured SMTP servers. */
    smtp?: {
      /** PEM of a CA that signed the mail servers' certificates, trusted besides the system CAs. */
      caCertificate?: string;
      /** Limit for connecting and each server reply, in milliseconds; default 15000. */
      timeoutMs?: number;
    };

    /** Which warnings are mailed, and how often the same one may come again. */
    alerts?: {
      /** Lowest severity that is mailed and notified: info, malfunction (default), serious or security. */
      minSeverity?: 'info' | 'malfunction' | 'serious' | 'security';
      /**
       * A warning with the same category and text, or an alert condition raised again, is not mailed again
       * within this many hours; default 6. A warning category's alert condition clears after as many quiet hours.
       */
      cooldownHours?: number;
      /** How long a device must be unreachable before it is an alert condition, in minutes; default 5. */
      unreachableAfterMinutes?: number;
    };

    /**
     * Backstage notifications of the alert conditions (warnings, backup failed or stale, device
     * unreachable) to the owners of the system's catalog entity. Needs the notifications backend plugin.
     */
    notifications?: {
      /** Switch; default off. */
      enabled?: boolean;
    };

    /**
     * Demo mode: on first start, register and pair the simulated fleet so the
     * portal shows data at once. Development and demos only.
     */
    demo?: {
      /** Switch; default off. */
      enabled?: boolean;
      /** Base URL of the COMtrexx simulator, e.g. http://127.0.0.1:7008. */
      simulatorUrl?: string;
      /** User who owns the demo systems; default user:default/guest. */
      ownerRef?: string;
      /** Catalog group that owns the demo entities; default the owner. */
      catalogOwnerRef?: string;
      /** How many simulated devices stay unregistered to try the flow by hand; default 1. */
      leaveUnregistered?: number;
      /** Roles the owner gives out on the demo systems: user or group ref, roles, first N systems (default all). */
      grants?: Array<{ subjectRef: string; roles: string[]; systems?: number }>;
    };
  };

  /** Catalog settings read by the ccc catalog module. */
  catalog?: {
    providers?: {
      /** The provider that puts every registered COMtrexx into the catalog. */
      ccc?: {
        /**
         * How often the provider refreshes the COMtrexx entities; default
         * every 5 minutes with a 1-minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
