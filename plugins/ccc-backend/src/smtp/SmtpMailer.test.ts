import { SmtpServerRecord } from '../database/SmtpStore';
import { SecretBox } from '../secrets/SecretBox';
import { startTestSmtpServer, TestSmtpServer } from '../__testUtils__/testSmtpServer';
import { smtpPasswordContext } from '../secrets/secretContexts';
import { MailDeliveryError, SmtpMailer } from './SmtpMailer';

jest.setTimeout(30_000);

const secrets = new SecretBox('smtp-mailer-test-key-0123456789abcdefghij');
const PASSWORD = 'Sup3r-Secret-Mail-Pw';

function serverRecord(port: number, overrides: Partial<SmtpServerRecord> = {}): SmtpServerRecord {
  const id = '5e1d5e1d-0000-4000-8000-000000000001';
  return {
    id,
    name: 'Test',
    host: '127.0.0.1',
    port,
    username: 'pbx',
    passwordSealed: secrets.encrypt(PASSWORD, smtpPasswordContext(id)),
    sender: 'pbx@example.com',
    recipient: 'ops@example.com',
    noTls: false,
    isDefault: true,
    createdAt: '2026-11-27T08:00:00.000Z',
    updatedAt: '2026-11-27T08:00:00.000Z',
    ...overrides,
  };
}

describe('SmtpMailer against a real SMTP server', () => {
  const servers: TestSmtpServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(s => s.close()));
  });
  const start = async (options: Parameters<typeof startTestSmtpServer>[0]) => {
    const s = await startTestSmtpServer(options);
    servers.push(s);
    return s;
  };

  it('delivers through STARTTLS with authentication when the certificate is trusted', async () => {
    const smtp = await start({ tls: true, users: { pbx: PASSWORD } });
    const mailer = new SmtpMailer({ secrets, caCertificate: smtp.certificate });
    const { response } = await mailer.send(serverRecord(smtp.port), { subject: 'Warnungen: Zentrale', text: 'Lüfter ausgefallen' });
    expect(response).toMatch(/^250/);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: 'pbx@example.com', to: ['ops@example.com'], secure: true, user: 'pbx' });
    expect(smtp.received[0].raw).toMatch(/Subject: Warnungen: Zentrale/);
  });

  it('delivers without TLS and without authentication when the server is marked so', async () => {
    const smtp = await start({});
    const mailer = new SmtpMailer({ secrets });
    await mailer.send(serverRecord(smtp.port, { noTls: true, username: null, passwordSealed: null }), {
      subject: 'Test',
      text: 'Hallo',
      to: 'someone@example.com',
    });
    expect(smtp.received[0]).toMatchObject({ to: ['someone@example.com'], secure: false });
  });

  it('refuses to send a password in clear to a server without TLS unless told to', async () => {
    const smtp = await start({ users: { pbx: PASSWORD } });
    const error = await new SmtpMailer({ secrets }).send(serverRecord(smtp.port), { subject: 's', text: 't' }).catch(e => e);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(smtp.received).toHaveLength(0);
    expect(error.message).not.toContain(PASSWORD);
  });

  it('explains a wrong password without repeating it', async () => {
    const smtp = await start({ tls: true, users: { pbx: 'another-password' } });
    const error = await new SmtpMailer({ secrets, caCertificate: smtp.certificate })
      .send(serverRecord(smtp.port), { subject: 's', text: 't' })
      .catch(e => e);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error.message).toMatch(/refused the user name or password/);
    expect(error.response).toMatch(/^535/);
    expect(JSON.stringify({ message: error.message, response: error.response })).not.toContain(PASSWORD);
  });

  it('explains an untrusted certificate and an unreachable server', async () => {
    const smtp = await start({ tls: true, users: { pbx: PASSWORD } });
    const untrusted = await new SmtpMailer({ secrets }).send(serverRecord(smtp.port), { subject: 's', text: 't' }).catch(e => e);
    expect(untrusted).toBeInstanceOf(MailDeliveryError);
    expect(untrusted.message).toMatch(/certificate|TLS/i);

    const port = smtp.port;
    await smtp.close();
    servers.splice(0);
    const unreachable = await new SmtpMailer({ secrets, timeoutMs: 2000 })
      .send(serverRecord(port), { subject: 's', text: 't' })
      .catch(e => e);
    expect(unreachable.message).toMatch(new RegExp(`Could not reach the mail server 127.0.0.1:${port}`));
  });
});
