import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** Texts of the portal's sign-in page; English here, German in `translations/de.ts`. */
export const signInTranslationRef = createTranslationRef({
  id: 'app.sign-in',
  messages: {
    guest: {
      title: 'Guest',
      description: 'Sign in as the guest user, who owns the simulated demo fleet.',
      // The browser tests click this button by its name: keep it "Enter".
      enter: 'Enter',
    },
    demo: {
      title: 'Demo users (development only)',
      description:
        'Sign in as another person of the demo organisation to see what their roles allow. ' +
        'No password is asked: this choice exists only in a development portal.',
      signInAs: 'Sign in as {{name}}',
    },
    failed: 'Sign-in failed: {{message}}',
  },
  translations: {
    de: () => import('./translations/de'),
  },
});
