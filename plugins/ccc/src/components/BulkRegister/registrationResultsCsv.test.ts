import { registrationResultsCsv } from './registrationResultsCsv';

describe('registrationResultsCsv', () => {
  it('writes one line per row with code and validity, quoting and guarding cells', () => {
    const csv = registrationResultsCsv([
      {
        row: { line: 2, name: 'Zentrale; "A"', serialNumber: 'ctx000111222' },
        result: { row: 1, serialNumber: 'CTX000111222', ok: true, token: { code: 'ABCD-EFGH-JKLM', expiresAt: '2026-11-28T10:00:00.000Z' } },
      },
      {
        row: { line: 3, name: '=HYPERLINK("x")', serialNumber: 'CTX000333444' },
        result: { row: 2, serialNumber: 'CTX000333444', ok: false, error: 'Already registered' },
      },
    ]);
    expect(csv).toBe(
      '\uFEFFline;name;serialNumber;registered;confirmationCode;validUntil;error\r\n' +
        '2;"Zentrale; ""A""";CTX000111222;yes;ABCD-EFGH-JKLM;2026-11-28T10:00:00.000Z;\r\n' +
        '3;"\'=HYPERLINK(""x"")";CTX000333444;no;;;Already registered\r\n',
    );
  });
});
