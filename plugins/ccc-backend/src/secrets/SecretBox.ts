import { Config } from '@backstage/config';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT_VERSION = 'v1';
const MIN_KEY_LENGTH = 32;
const IV_BYTES = 12;

/**
 * Encrypts secrets at rest with AES-256-GCM.
 *
 * The configured key string is stretched into a 256-bit key with HKDF; a
 * fingerprint of that key (an HMAC, so it reveals nothing of the key) is
 * stored with every ciphertext, so that a value encrypted under another key
 * is reported as such instead of failing as "corrupt".
 */
export class SecretBox {
  readonly #key: Buffer;

  /** Short, non-secret identifier of the key in use. */
  readonly keyFingerprint: string;

  /** Reads `ccc.encryptionKey`; throws an error that says what to configure when it is missing or too short. */
  static fromConfig(config: Config): SecretBox {
    const key = config.getOptionalString('ccc.encryptionKey');
    if (!key) {
      throw new Error(
        'ccc.encryptionKey is not set. The CCC backend needs it to encrypt device credentials and SMTP passwords at rest. ' +
          'Generate one with `openssl rand -base64 32` and provide it, e.g. as `ccc.encryptionKey: ${CCC_ENCRYPTION_KEY}`.',
      );
    }
    return new SecretBox(key);
  }

  constructor(keyMaterial: string) {
    if (keyMaterial.length < MIN_KEY_LENGTH) {
      throw new Error(
        `ccc.encryptionKey must be at least ${MIN_KEY_LENGTH} characters long; generate one with \`openssl rand -base64 32\`.`,
      );
    }
    this.#key = Buffer.from(
      hkdfSync('sha256', keyMaterial, 'ccc-for-backstage', 'ccc-secrets-aes-256-gcm', 32),
    );
    this.keyFingerprint = createHmac('sha256', this.#key)
      .update('ccc-key-fingerprint')
      .digest('hex')
      .slice(0, 16);
  }

  /**
   * Encrypts a secret. `context` (e.g. `smtp-server:42:password`) is bound to
   * the ciphertext as associated data, so a value copied into another row
   * does not decrypt there.
   */
  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT_VERSION, this.keyFingerprint, b64(iv), b64(tag), b64(ciphertext)].join('.');
  }

  /** Decrypts what {@link SecretBox.encrypt} produced with the same key and context. */
  decrypt(sealed: string, context = ''): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== FORMAT_VERSION) {
      throw new Error('Stored secret has an unknown format');
    }
    const [, fingerprint, iv, tag, ciphertext] = parts;
    if (fingerprint !== this.keyFingerprint) {
      throw new Error(
        `Stored secret was encrypted with another key (fingerprint ${fingerprint}, configured key ${this.keyFingerprint})`,
      );
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#key, unb64(iv));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(unb64(tag));
    try {
      return Buffer.concat([decipher.update(unb64(ciphertext)), decipher.final()]).toString('utf8');
    } catch {
      // Never include the ciphertext or key in the message.
      throw new Error('Stored secret could not be decrypted: it was altered or belongs to another record');
    }
  }
}

function b64(buffer: Buffer): string {
  return buffer.toString('base64url');
}

function unb64(text: string): Buffer {
  return Buffer.from(text, 'base64url');
}
