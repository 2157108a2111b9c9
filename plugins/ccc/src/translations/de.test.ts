import { cccMessages } from '../translation';
import de from './de';

function flatten(messages: object, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      flat[path] = value;
    } else {
      Object.assign(flat, flatten(value, path));
    }
  }
  return flat;
}

const english = flatten(cccMessages);
const german: Record<string, string | null> = de;

describe('German translation', () => {
  it('has every English key', () => {
    const missing = Object.keys(english).filter(key => !(key in german));
    expect(missing).toEqual([]);
  });

  it('has no key the English messages lack', () => {
    const extra = Object.keys(german).filter(key => !(key in english));
    expect(extra).toEqual([]);
  });

  it('keeps every {{placeholder}} of the English text', () => {
    const placeholders = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(english)) {
      expect([key, placeholders(german[key] ?? text)]).toEqual([key, placeholders(text)]);
    }
  });

  it('is really German, not a copy of the English text', () => {
    const translated = Object.keys(english).filter(key => german[key] !== english[key]);
    // Product names and units may stay the same; most texts must differ.
    expect(translated.length).toBeGreaterThan(Object.keys(english).length * 0.7);
  });
});
