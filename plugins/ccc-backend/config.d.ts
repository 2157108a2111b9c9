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
    };
  };
}
