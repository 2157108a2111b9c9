import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A mail as the test SMTP server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  secure: boolean;
  user?: string;
}

/** A real SMTP server in the test process (the `smtp-server` package). */
export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** PEM of the server's self-signed certificate, when started with TLS. */
  certificate?: string;
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1/localhost, made with openssl. */
export function makeCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ccc-smtp-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts an SMTP server on a free port. With `tls` it offers STARTTLS with a
 * fresh self-signed certificate; with `users` it requires authentication.
 */
export async function startTestSmtpServer(options: { tls?: boolean; users?: Record<string, string> } = {}) {
  const received: ReceivedMail[] = [];
  const certificate = options.tls ? makeCertificate() : undefined;
  const server = new SMTPServer({
    ...(certificate ? { key: certificate.key, cert: certificate.cert } : { disabledCommands: ['STARTTLS'] }),
    authOptional: !options.users,
    allowInsecureAuth: !options.tls,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.users && options.users[auth.username ?? ''] === auth.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Authentication failed'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', chunk => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map(r => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port;
  return {
    port,
    received,
    certificate: certificate?.cert,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  } satisfies TestSmtpServer;
}
