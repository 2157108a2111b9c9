import { createFleet, createSimulatorApp } from '@internal/comtrexx-simulator';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceUnreachableError } from './errors';
import { HttpDeviceClient } from './HttpDeviceClient';

/** A simulated COMtrexx behind HTTPS with a freshly made self-signed certificate, as real devices have. */
describe('HttpDeviceClient over HTTPS with a self-signed certificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccc-tls-'));
  const fleet = createFleet({ seed: 5, size: 1 });
  fleet[0].ccc = { ...fleet[0].ccc, state: 'confirmed', apiUser: { username: 'ccc-api', password: 'tls-test-pw' } };
  let server: https.Server;
  let baseUrl: string;

  beforeAll(async () => {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    server = https.createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      createSimulatorApp(fleet),
    );
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/devices/${fleet[0].serialNumber}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const target = (allowSelfSignedTls: boolean) => ({
    serialNumber: fleet[0].serialNumber,
    baseUrl,
    credentials: { username: 'ccc-api', password: 'tls-test-pw' },
    allowSelfSignedTls,
  });

  it('refuses the certificate unless the system allows self-signed ones', async () => {
    await expect(new HttpDeviceClient().getStatus(target(false))).rejects.toThrow(DeviceUnreachableError);
    await expect(new HttpDeviceClient().getStatus(target(false))).rejects.toThrow(/certificate/);
  });

  it('trusts a configured CA certificate without allowing any self-signed one', async () => {
    const client = new HttpDeviceClient({ caCertificate: readFileSync(join(dir, 'cert.pem'), 'utf8') });
    await expect(client.getStatus(target(false))).resolves.toMatchObject({ access: { state: 'confirmed' } });
  });

  it('talks to the device when self-signed certificates are allowed for it', async () => {
    const status = await new HttpDeviceClient().getStatus(target(true));
    expect(status.info.serialNumber).toBe(fleet[0].serialNumber);
    expect(status.access.state).toBe('confirmed');
  });
});
