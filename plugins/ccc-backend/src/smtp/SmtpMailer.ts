import { createTransport } from 'nodemailer';
import { SmtpServerRecord } from '../database/SmtpStore';
import { SecretBox } from '../secrets/SecretBox';
import { smtpPasswordContext } from '../secrets/secretContexts';

/** One mail to send. */
export interface MailMessage {
  subject: string;
  text: string;
  /** Defaults to the server's recipient. */
  to?: string;
}

/** Why a mail did not go out, in words a person understands; never contains the password. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly response?: string,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

/** Options for {@link SmtpMailer}. */
export interface SmtpMailerOptions {
  secrets: SecretBox;
  /** PEM of a CA to trust besides the system's (company mail servers with their own CA). */
  caCertificate?: string;
  /** Limit for connecting, greeting and each reply, in milliseconds. */
  timeoutMs?: number;
}

/** Sends mail through a configured SMTP server with nodemailer. */
export class SmtpMailer {
  readonly #secrets: SecretBox;
  readonly #ca?: string;
  readonly #timeoutMs: number;

  constructor(options: SmtpMailerOptions) {
    this.#secrets = options.secrets;
    this.#ca = options.caCertificate;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Sends `message`; resolves with the server's reply, throws {@link MailDeliveryError}. */
  async send(server: SmtpServerRecord, message: MailMessage): Promise<{ response: string }> {
    const password = server.passwordSealed ? this.#secrets.decrypt(server.passwordSealed, smtpPasswordContext(server.id)) : undefined;
    const transport = createTransport({
      host: server.host,
      port: server.port,
      // Port 465 speaks TLS from the first byte; elsewhere STARTTLS is
      // required unless the server is marked "do not use TLS", so a
      // password never crosses the network in clear by accident.
      secure: !server.noTls && server.port === 465,
      requireTLS: !server.noTls && server.port !== 465,
      ignoreTLS: server.noTls,
      auth: server.username ? { user: server.username, pass: password ?? '' } : undefined,
      tls: this.#ca ? { ca: [this.#ca] } : undefined,
      connectionTimeout: this.#timeoutMs,
      greetingTimeout: this.#timeoutMs,
      socketTimeout: this.#timeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    try {
      const info = await transport.sendMail({
        from: server.sender,
        to: message.to ?? server.recipient,
        subject: message.subject,
        text: message.text,
      });
      return { response: String(info.response ?? '') };
    } catch (error) {
      throw toDeliveryError(error, server, password);
    } finally {
      transport.close();
    }
  }
}

function toDeliveryError(error: unknown, server: SmtpServerRecord, password?: string): MailDeliveryError {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const where = `${server.host}:${server.port}`;
  let message: string;
  switch (e.code) {
    case 'EAUTH':
      message = `The mail server ${where} refused the user name or password`;
      break;
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
      message = `Could not reach the mail server ${where}: ${e.message ?? 'connection failed'}`;
      break;
    case 'ETIMEDOUT':
      message = `The mail server ${where} did not answer in time`;
      break;
    case 'ETLS':
      message = `TLS with the mail server ${where} failed (${e.message}); check its certificate, or mark the server "do not use TLS" if it cannot do TLS`;
      break;
    case 'EENVELOPE':
      message = `The mail server ${where} refused the sender or recipient`;
      break;
    case 'EMESSAGE':
      message = `The mail server ${where} refused the message`;
      break;
    default:
      message = `Sending through ${where} failed: ${e.message ?? String(error)}`;
  }
  const response = e.response ? String(e.response) : undefined;
  if (response && !message.includes(response)) message += ` (server said: ${response})`;
  // Belt and braces: no reply or library message may carry the password on.
  const scrub = (text: string) => (password ? text.split(password).join('***') : text);
  return new MailDeliveryError(scrub(message), response && scrub(response));
}
