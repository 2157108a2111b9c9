/** German texts of the CCC frontend (flat keys; every key of the English messages must be here). */
const de = {
  'page.title': 'COMtrexx Control Center',
  'page.subtitle': 'Ihre Flotte von Auerswald-COMtrexx-Telefonanlagen',
  'systems.title': 'Systeme',
  'systems.emptyTitle': 'Noch keine COMtrexx registriert',
  'systems.emptyDescription':
    'Registrieren Sie eine COMtrexx mit Namen und Seriennummer, um sie mit dem Portal zu koppeln. Registrierte Systeme erscheinen hier und im Softwarekatalog.',
  'backendStatus.title': 'Status des Backends',
  'backendStatus.loading': 'CCC-Backend wird geprüft…',
  'backendStatus.loadError': 'Das CCC-Backend ist nicht erreichbar: {{message}}',
  'backendStatus.notInstalled':
    'Das CCC-Backend hat nicht geantwortet. Prüfen Sie, ob das Paket @internal/plugin-ccc-backend in Ihrem Backend installiert ist.',
  'backendStatus.overall': 'Gesamt',
  'backendStatus.database': 'Datenbank',
  'backendStatus.devices': 'Geräte-Gateway',
  'backendStatus.latency': '{{ms}} ms',
  'backendStatus.status.ok': 'OK',
  'backendStatus.status.degraded': 'Eingeschränkt',
  'backendStatus.status.down': 'Nicht erreichbar',
  'backendStatus.status.notConfigured': 'Nicht konfiguriert',
  'backendStatus.refresh': 'Erneut prüfen',
} as const;

export default de;
