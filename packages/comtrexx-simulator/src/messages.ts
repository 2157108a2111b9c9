import type { SimulatedDevice } from './fleet';
import { hashText, hashUnit } from './random';

/**
 * System messages of a simulated COMtrexx (domain §1.12). The four classes
 * follow the COMtrexx help (system information, simple malfunction, serious
 * malfunction, security warning); the code names, the categories, the texts
 * and the rate are [INVENTED].
 *
 * Messages are a pure function of the device's serial number (derived from
 * the fleet seed and index) and the day: ids are stable, and a later clock
 * only reveals more messages, never changes or removes earlier ones.
 */

/** Severities of a system message. [INVENTED] code names for the documented classes. */
export const SYSTEM_MESSAGE_SEVERITIES = ['info', 'malfunction', 'serious', 'security'] as const;

/** Severity of a system message. */
export type SystemMessageSeverity = (typeof SYSTEM_MESSAGE_SEVERITIES)[number];

/** One row of `GET /api/v1/systemmessages`. [INVENTED] shape (domain §3.2). */
export interface SystemMessage {
  /** Positive, increasing with `ts`; not contiguous. */
  id: number;
  ts: string;
  severity: SystemMessageSeverity;
  category: string;
  text: string;
}

/** First day of every simulated message log. [INVENTED] A real device's retention is unknown. */
export const MESSAGE_LOG_START = '2025-01-01T00:00:00.000Z';

const DAY_MS = 24 * 60 * 60 * 1000;
const START_MS = Date.parse(MESSAGE_LOG_START);
// Ids leave room for this many messages a day, so that id order is time order.
const IDS_PER_DAY = 4;

// [INVENTED] How many messages a day (0–3, about one on average).
const COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [0, 35],
  [1, 35],
  [2, 20],
  [3, 10],
];
// [INVENTED] Mostly information, some malfunctions and security warnings.
const SEVERITY_WEIGHTS: ReadonlyArray<readonly [SystemMessageSeverity, number]> = [
  ['info', 60],
  ['malfunction', 20],
  ['serious', 5],
  ['security', 15],
];

type Template = { category: string; text: (n: number) => string };

// German as in the COMtrexx web UI; IP addresses from the documentation
// ranges of RFC 5737, so no real address appears.
const TEMPLATES: Record<SystemMessageSeverity, readonly Template[]> = {
  info: [
    { category: 'Firmware-Update', text: () => 'Suche nach Firmware-Updates: die installierte Firmware ist aktuell' },
    { category: 'Datensicherung', text: () => 'Automatische Datensicherung auf dem Backup-Server abgeschlossen' },
    { category: 'Speicherbereinigung', text: () => 'VMF-Speicherbereinigung abgeschlossen' },
    { category: 'Konfiguration', text: n => `Konfigurationsumschaltung auf "${n % 2 ? 'Nacht' : 'Tag'}"` },
    { category: 'Anmeldung', text: () => 'Anmeldung an der Weboberfläche: Benutzer "admin"' },
    { category: 'Lizenz', text: () => 'Lizenzen erfolgreich mit dem Lizenzserver abgeglichen' },
    { category: 'E-Mail', text: () => 'System-E-Mail versendet' },
  ],
  malfunction: [
    { category: 'SIP-Registrierung', text: () => 'SIP-Registrierung fehlgeschlagen: Provider antwortet nicht (Zeitüberschreitung)' },
    { category: 'Speicherbereinigung', text: () => 'Fehler bei der VMF-Speicherbereinigung' },
    { category: 'Softphone', text: () => 'Fehler beim Senden der Registrierungsdaten an ein Softphone' },
    { category: 'Lizenz', text: () => 'Lizenzserver nicht erreichbar; neuer Versuch in 24 Stunden' },
  ],
  serious: [
    { category: 'Lüfter', text: () => 'Lüfterstörung' },
    { category: 'Temperatur', text: () => 'Alarmtemperatur überschritten' },
  ],
  security: [
    { category: 'Anmeldung fehlgeschlagen', text: n => `Fehlgeschlagene Anmeldung für Benutzer "admin" von 203.0.113.${n % 254 + 1}` },
    { category: 'IP-Sperre', text: n => `IP-Adresse 198.51.100.${n % 254 + 1} nach Fehlversuchen für 10 Minuten gesperrt` },
    { category: 'Administratorpasswort', text: () => 'Das Administratorpasswort wurde geändert' },
  ],
};

/** Every message of a device up to `now`, oldest first. */
export function systemMessages(device: SimulatedDevice, now: Date): SystemMessage[] {
  const key = hashText(device.serialNumber);
  const nowMs = now.getTime();
  const messages: SystemMessage[] = [];
  for (let day = 0; START_MS + day * DAY_MS <= nowMs; day++) {
    for (const message of messagesOfDay(device, key, day)) {
      if (Date.parse(message.ts) > nowMs) break;
      messages.push(message);
    }
  }
  return messages;
}

function messagesOfDay(device: SimulatedDevice, key: number, day: number): SystemMessage[] {
  const count = weighted(hashUnit(key, 20, day), COUNT_WEIGHTS);
  const drawn = Array.from({ length: count }, (_, draw) => ({
    draw,
    second: Math.floor(86_400 * hashUnit(key, 21, day, draw)),
  })).sort((a, b) => a.second - b.second || a.draw - b.draw);
  return drawn.map(({ draw, second }, position) => {
    let severity = weighted(hashUnit(key, 22, day, draw), SEVERITY_WEIGHTS);
    // Fan and temperature alarms exist on the COMtrexx Business only (domain §1.12).
    if (severity === 'serious' && device.model !== 'COMtrexx Business') severity = 'info';
    const templates = TEMPLATES[severity];
    const template = templates[Math.floor(templates.length * hashUnit(key, 23, day, draw))];
    return {
      id: day * IDS_PER_DAY + position + 1,
      ts: new Date(START_MS + day * DAY_MS + second * 1000).toISOString(),
      severity,
      category: template.category,
      text: template.text(Math.floor(1000 * hashUnit(key, 24, day, draw))),
    };
  });
}

function weighted<T>(unit: number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let pick = unit * total;
  for (const [item, w] of items) {
    pick -= w;
    if (pick < 0) return item;
  }
  return items[items.length - 1][0];
}
