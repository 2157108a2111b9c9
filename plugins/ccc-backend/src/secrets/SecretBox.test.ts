import { ConfigReader } from '@backstage/config';
import { SecretBox } from './SecretBox';

const KEY = 'test-key-0123456789-abcdefghijklmnopqrstuvwxyz';

describe('SecretBox', () => {
  const box = new SecretBox(KEY);

  it('round-trips a secret and never leaves the plaintext in the sealed value', () => {
    const sealed = box.encrypt('s3cr3t-Pässwort', 'smtp:1');
    expect(sealed).not.toContain('s3cr3t');
    expect(sealed.startsWith(`v1.${box.keyFingerprint}.`)).toBe(true);
    expect(box.decrypt(sealed, 'smtp:1')).toBe('s3cr3t-Pässwort');
  });

  it('uses a fresh IV each time', () => {
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('refuses a value moved to another context', () => {
    const sealed = box.encrypt('device-password', 'system:a');
    expect(() => box.decrypt(sealed, 'system:b')).toThrow(/altered or belongs to another record/);
  });

  it('detects tampering', () => {
    const parts = box.encrypt('value').split('.');
    const ciphertext = Buffer.from(parts[4], 'base64url');
    ciphertext[0] ^= 1;
    parts[4] = ciphertext.toString('base64url');
    expect(() => box.decrypt(parts.join('.'))).toThrow(/altered/);
  });

  it('names the key mismatch instead of reporting corruption', () => {
    const other = new SecretBox(`${KEY}-rotated`);
    expect(other.keyFingerprint).not.toBe(box.keyFingerprint);
    expect(() => other.decrypt(box.encrypt('x'))).toThrow(/encrypted with another key/);
  });

  it('rejects garbage', () => {
    expect(() => box.decrypt('not-a-secret')).toThrow(/unknown format/);
  });

  it('explains a missing key at start-up', () => {
    expect(() => SecretBox.fromConfig(new ConfigReader({}))).toThrow(/ccc\.encryptionKey is not set.*openssl rand/s);
  });

  it('rejects a short key', () => {
    expect(() => SecretBox.fromConfig(new ConfigReader({ ccc: { encryptionKey: 'short' } }))).toThrow(
      /at least 32 characters/,
    );
  });

  it('reads the key from config', () => {
    expect(SecretBox.fromConfig(new ConfigReader({ ccc: { encryptionKey: KEY } })).keyFingerprint).toBe(
      box.keyFingerprint,
    );
  });
});
