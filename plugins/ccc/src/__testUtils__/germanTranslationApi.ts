import { TranslationApi } from '@backstage/frontend-plugin-api';
import de from '../translations/de';

/**
 * A translation API that answers every key of the CCC texts in German, to check what German users read. The test
 * apps only know English; this fills in `{{placeholders}}` with plain values (no plurals, no JSX).
 */
export function germanTranslationApi(): TranslationApi {
  const german: Record<string, string> = de;
  const t = (key: string, options?: Record<string, unknown>) =>
    (german[key] ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => String(options?.[name] ?? ''));
  const snapshot = { ready: true, t };
  return {
    getTranslation: () => snapshot,
    // The language never changes here: a subscription that never fires.
    translation$: () => ({ subscribe: () => ({ unsubscribe: () => {} }) }),
  } as unknown as TranslationApi;
}
