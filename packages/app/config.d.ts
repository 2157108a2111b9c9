export interface Config {
  auth?: {
    providers?: {
      /**
       * Development-only sign-in as a chosen demo user (packages/backend,
       * modules/demoAuth). Anyone who reaches the backend may pick any listed
       * identity: the backend refuses to start with it unless NODE_ENV is
       * development or test. Leave it out (or set it to null) in production.
       */
      'ccc-demo'?: {
        /** The users offered on the sign-in page; the backend signs in no one else. */
        users: Array<{
          /**
           * Catalog user: entity ref or name in the default namespace, e.g. `anna`.
           * @visibility frontend
           */
          user: string;
          /**
           * What the user may do, shown next to the name on the sign-in page.
           * @visibility frontend
           */
          description?: string;
        }>;
      };
    };
  };
}
