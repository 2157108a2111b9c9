import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';

/** Request header through which the sign-in page names the demo user to sign in as. */
export const DEMO_USER_HEADER = 'x-ccc-demo-user';

/** The auth provider id of the demo sign-in (`auth.providers.ccc-demo`). */
export const DEMO_PROVIDER_ID = 'ccc-demo';

/** What the demo authenticator hands to the sign-in resolver: the chosen catalog user. */
export interface DemoUserResult {
  userEntityRef: string;
}

// Anyone who can reach the backend may claim any listed identity, so the
// provider exists only where NODE_ENV says this is a developer's machine
// (backstage-cli start) or a test run; everything else, including an unset
// NODE_ENV, counts as production.
const ALLOWED_ENVIRONMENTS = new Set(['development', 'test']);

function assertDevelopment(): void {
  const env = process.env.NODE_ENV;
  if (!env || !ALLOWED_ENVIRONMENTS.has(env)) {
    throw new NotAllowedError(
      `The ${DEMO_PROVIDER_ID} sign-in lets anyone pick any demo identity and works only in development ` +
        `(NODE_ENV is ${env ?? 'unset'}); remove auth.providers.${DEMO_PROVIDER_ID} from this configuration`,
    );
  }
}

/** Normalises `anna` or `user:default/anna` to the lower-case full ref; throws for other kinds. */
export function toDemoUserRef(value: string): string {
  const ref = parseEntityRef(value.trim(), { defaultKind: 'user', defaultNamespace: 'default' });
  if (ref.kind.toLocaleLowerCase('en-US') !== 'user') {
    throw new TypeError(`"${value}" is not a user`);
  }
  return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
}

/** Reads `users[].user` of the provider config: the only identities the provider hands out. */
export function readDemoUsers(config: Config): ReadonlySet<string> {
  const entries = config.getOptionalConfigArray('users') ?? [];
  if (entries.length === 0) {
    throw new Error(`auth.providers.${DEMO_PROVIDER_ID}.users lists no demo users`);
  }
  return new Set(entries.map(entry => toDemoUserRef(entry.getString('user'))));
}

/**
 * Development-only proxy authenticator: signs in as the catalog user named in
 * the {@link DEMO_USER_HEADER} header, if and only if config lists that user.
 */
export const demoUserAuthenticator = createProxyAuthenticator<ReadonlySet<string>, DemoUserResult, undefined>({
  async defaultProfileTransform(result, ctx) {
    // Name and mail for the settings page; the sign-in resolver refuses users missing from the catalog anyway.
    try {
      const { entity } = await ctx.findCatalogUser({ entityRef: result.userEntityRef });
      const profile = (entity.spec?.profile ?? {}) as { displayName?: string; email?: string; picture?: string };
      return { profile: { displayName: profile.displayName, email: profile.email, picture: profile.picture } };
    } catch {
      return { profile: {} };
    }
  },
  initialize({ config }) {
    // Fails the backend start outside development instead of quietly offering free identities.
    assertDevelopment();
    return readDemoUsers(config);
  },
  async authenticate({ req }, users) {
    assertDevelopment();
    const chosen = req.get(DEMO_USER_HEADER);
    if (!chosen) {
      throw new AuthenticationError(`No demo user chosen (header ${DEMO_USER_HEADER})`);
    }
    let userEntityRef: string;
    try {
      userEntityRef = toDemoUserRef(chosen);
    } catch {
      throw new NotAllowedError(`"${chosen}" is not a demo user`);
    }
    if (!users.has(userEntityRef)) {
      throw new NotAllowedError(`${userEntityRef} is not one of the configured demo users`);
    }
    return { result: { userEntityRef } };
  },
});
