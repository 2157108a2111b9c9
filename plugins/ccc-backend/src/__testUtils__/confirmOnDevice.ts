/**
 * Enters a CCC confirmation code on a simulated COMtrexx, as its administrator
 * would; the device then pairs by calling the CCC back. Returns the device's
 * answer (204 when the CCC accepted the code).
 */
export function confirmOnDevice(simulatorUrl: string, serialNumber: string, code: string): Promise<Response> {
  return fetch(`${simulatorUrl}/devices/${serialNumber}/api/v1/ccc/access/confirm`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ confirmationCode: code }),
  });
}
