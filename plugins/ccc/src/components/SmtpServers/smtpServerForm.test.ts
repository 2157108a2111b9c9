import { makeSmtpServer } from '../../__testUtils__/smtpFakes';
import { changesOf, formOf, validateSmtpForm } from './smtpServerForm';

const valid = {
  ...formOf(),
  name: 'Mail',
  host: 'smtp.example.com',
  sender: 'a@example.com',
  recipient: 'b@example.com',
};

describe('validateSmtpForm', () => {
  it.each([
    ['192.0.2.10', undefined],
    ['2001:db8::25', undefined],
    ['mail-1.example.com', undefined],
    ['999.1.1.1', 'hostInvalid'],
    ['smtp example.com', 'hostInvalid'],
    ['', 'hostInvalid'],
  ])('host %p', (host, error) => {
    expect(validateSmtpForm({ ...valid, host }).errors.host).toBe(error);
  });

  it.each([
    ['1', undefined],
    ['65535', undefined],
    ['0', 'portInvalid'],
    ['65536', 'portInvalid'],
    ['1e3', 'portInvalid'],
    ['25.5', 'portInvalid'],
    ['', 'portInvalid'],
  ])('port %p', (port, error) => {
    expect(validateSmtpForm({ ...valid, port }).errors.port).toBe(error);
  });

  it('sends no password for a new server without one, and null for an empty user name', () => {
    expect(validateSmtpForm({ ...valid, username: '  ' }).request).toMatchObject({ username: null, password: null });
  });

  it('asks for the new password only when replacing it', () => {
    const server = makeSmtpServer();
    expect(validateSmtpForm({ ...formOf(server), passwordAction: 'keep' }, server).errors).toEqual({});
    expect(validateSmtpForm({ ...formOf(server), passwordAction: 'replace' }, server).errors).toEqual({
      password: 'passwordRequired',
    });
  });
});

describe('changesOf', () => {
  it('sends only what changed, and a removal only of a password that is set', () => {
    const server = makeSmtpServer({ passwordSet: false });
    const { request } = validateSmtpForm({ ...formOf(server), username: '', passwordAction: 'remove' }, server);
    expect(changesOf(server, request!, 'remove')).toEqual({ username: null });
  });
});
