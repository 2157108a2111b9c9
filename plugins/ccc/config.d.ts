/** Configuration the CCC frontend reads. */
export interface Config {
  ccc?: {
    /** COMtrexx Maintenance. */
    maintenance?: {
      /**
       * Warn this many days before maintenance ends (entity overview, systems list); default 30. The backend's
       * health score reads the same key, so both agree.
       * @visibility frontend
       */
      warnDays?: number;
    };
  };
}
