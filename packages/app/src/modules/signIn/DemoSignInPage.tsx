import { Content, Header, InfoCard, Page, ProxiedSignInPage } from '@backstage/core-components';
import { ConfigApi, coreApis, IdentityApi, useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { ComponentType, useCallback, useEffect, useMemo, useState } from 'react';
import { signInTranslationRef } from './translation';

/** Auth provider of the development demo sign-in (packages/backend, modules/demoAuth). */
export const DEMO_PROVIDER_ID = 'ccc-demo';
/** Header that tells the demo provider whom to sign in as. */
export const DEMO_USER_HEADER = 'x-ccc-demo-user';
/** Where the page remembers the last successful choice, so a reload keeps the identity until sign-out. */
export const SIGN_IN_STORAGE_KEY = 'ccc:sign-in';

/** One selectable demo user from `auth.providers.ccc-demo.users`. */
export interface DemoUser {
  /** User entity name or ref, as configured. */
  user: string;
  description?: string;
}

type Choice = { provider: 'guest' } | { provider: typeof DEMO_PROVIDER_ID; user: string };

function readDemoUsers(config: ConfigApi): DemoUser[] {
  return (config.getOptionalConfigArray(`auth.providers.${DEMO_PROVIDER_ID}.users`) ?? []).map(entry => ({
    user: entry.getString('user'),
    description: entry.getOptionalString('description'),
  }));
}

/** The auth backend's own reason (ResponseError carries it as cause), else the error's message. */
function reason(error: Error): string {
  const cause = (error as { cause?: { message?: unknown } }).cause;
  return typeof cause?.message === 'string' ? cause.message : error.message;
}

function shortName(user: string): string {
  return user.replace(/^.*[:/]/, '');
}

function loadChoice(users: DemoUser[]): Choice | undefined {
  try {
    const stored = JSON.parse(window.localStorage.getItem(SIGN_IN_STORAGE_KEY) ?? 'null');
    if (stored?.provider === 'guest') return { provider: 'guest' };
    // A user no longer configured is not signed in again silently.
    if (stored?.provider === DEMO_PROVIDER_ID && users.some(u => u.user === stored.user)) {
      return { provider: DEMO_PROVIDER_ID, user: stored.user };
    }
  } catch {
    // Unreadable entry: start at the chooser.
  }
  return undefined;
}

/** Forgets the remembered choice on sign-out, so the app returns to the chooser instead of the same user. */
function forgetChoiceOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    async signOut() {
      window.localStorage.removeItem(SIGN_IN_STORAGE_KEY);
      await identity.signOut();
    },
  };
}

function Chooser(props: { users: DemoUser[]; onChoose(choice: Choice): void; error?: Error }) {
  const { users, onChoose, error } = props;
  const config = useApi(coreApis.config);
  const { t } = useTranslationRef(signInTranslationRef);
  return (
    <Page themeId="home">
      <Header title={config.getOptionalString('app.title') ?? 'Backstage'} />
      <Content>
        {error && (
          <Typography role="alert" color="error" paragraph>
            {t('failed', { message: reason(error) })}
          </Typography>
        )}
        <Grid container spacing={2}>
          <Grid item xs={12} md={4}>
            <InfoCard
              title={t('guest.title')}
              variant="fullHeight"
              actions={
                <Button color="primary" variant="outlined" onClick={() => onChoose({ provider: 'guest' })}>
                  {t('guest.enter')}
                </Button>
              }
            >
              <Typography variant="body1">{t('guest.description')}</Typography>
            </InfoCard>
          </Grid>
          {users.length > 0 && (
            <Grid item xs={12} md={8}>
              <InfoCard title={t('demo.title')} variant="fullHeight">
                <Typography variant="body1">{t('demo.description')}</Typography>
                <List aria-label={t('demo.title')}>
                  {users.map(({ user, description }) => (
                    <ListItem key={user} disableGutters>
                      <Button
                        color="primary"
                        variant="outlined"
                        aria-label={t('demo.signInAs', { name: shortName(user) })}
                        onClick={() => onChoose({ provider: DEMO_PROVIDER_ID, user })}
                        style={{ minWidth: 96, marginRight: 16 }}
                      >
                        {shortName(user)}
                      </Button>
                      <ListItemText primary={description} />
                    </ListItem>
                  ))}
                </List>
              </InfoCard>
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}

/**
 * The portal's sign-in page: guest ("Enter") and, in development, the demo
 * users of `auth.providers.ccc-demo.users`. Both are proxy providers of the
 * auth backend; the demo provider learns the chosen user from a header.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const { onSignInSuccess } = props;
  const config = useApi(coreApis.config);
  const users = useMemo(() => readDemoUsers(config), [config]);
  // The attempt counter remounts ProxiedSignInPage, so choosing again after an error retries.
  const [attempt, setAttempt] = useState(() => {
    const choice = loadChoice(users);
    return choice && { choice, n: 0 };
  });
  const choose = useCallback((choice: Choice) => setAttempt(a => ({ choice, n: (a?.n ?? 0) + 1 })), []);

  const ErrorComponent: ComponentType<{ error?: Error }> = useCallback(
    ({ error }: { error?: Error }) => <FailedSignIn users={users} onChoose={choose} error={error} />,
    [users, choose],
  );

  if (!attempt) return <Chooser users={users} onChoose={choose} />;
  const { choice, n } = attempt;
  return (
    <ProxiedSignInPage
      key={n}
      provider={choice.provider}
      headers={choice.provider === DEMO_PROVIDER_ID ? { [DEMO_USER_HEADER]: choice.user } : undefined}
      onSignInSuccess={identity => {
        window.localStorage.setItem(SIGN_IN_STORAGE_KEY, JSON.stringify(choice));
        onSignInSuccess(forgetChoiceOnSignOut(identity));
      }}
      ErrorComponent={ErrorComponent}
    />
  );
}

function FailedSignIn(props: { users: DemoUser[]; onChoose(choice: Choice): void; error?: Error }) {
  // A remembered choice that fails (user removed, backend reset) must not be retried on every reload.
  useEffect(() => window.localStorage.removeItem(SIGN_IN_STORAGE_KEY), []);
  return <Chooser {...props} />;
}
