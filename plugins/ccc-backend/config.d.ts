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

    /** Schedules of the CCC's periodic tasks. */
    schedule?: {
      /** Status poll of every system (state, maintenance, firmware); default every minute. */
      statusPoll?: SchedulerServiceTaskScheduleDefinitionConfig;
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
