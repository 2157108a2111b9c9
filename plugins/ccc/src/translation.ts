import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** English texts of the CCC frontend, the source of every message key. */
export const cccMessages = {
  page: {
    title: 'COMtrexx Control Center',
    subtitle: 'Your fleet of Auerswald COMtrexx PBXs',
  },
  common: {
    none: '—',
    close: 'Close',
    cancel: 'Cancel',
    refresh: 'Refresh',
    opensInNewTab: '(opens in a new tab)',
  },
  systems: {
    title: 'Systems',
    emptyTitle: 'No COMtrexx registered yet',
    emptyDescription:
      'Register a COMtrexx with its name and serial number to pair it with the portal. Registered systems appear here and in the software catalog.',
    loadError: 'The systems could not be loaded: {{message}}',
    filter: 'Filter by name or serial number',
    noMatch: 'No system matches "{{filter}}".',
    columns: {
      name: 'Name',
      serialNumber: 'Serial number',
      firstRegistration: 'First registration',
      deviceState: 'Device state',
    },
    select: 'Select {{name}}',
    selectAll: 'Select all shown systems',
    selected_one: '{{count}} system selected',
    selected_other: '{{count}} systems selected',
    delete: 'Delete',
    actionFailed: '{{name}}: {{message}}',
  },
  deleteDialog: {
    title_one: 'Delete {{count}} system?',
    title_other: 'Delete {{count}} systems?',
    description:
      'The COMtrexx Control Center forgets these systems and deletes all their data. The devices themselves keep running. Only the owner of a system may delete it.',
    confirm: 'Delete',
    deleting: 'Deleting…',
    failed_one: '{{count}} system could not be deleted:',
    failed_other: '{{count}} systems could not be deleted:',
  },
  deviceState: {
    tokenPending: 'Waiting for confirmation',
    pairedOk: 'Paired',
    pairedRestricted: 'Paired, restricted',
    error: 'Error',
    unknown: 'Unknown (?)',
    reason: {
      tokenExpired: 'Confirmation code expired',
      notPaired: 'Not paired with the CCC',
      accessRevoked: 'Access revoked on the device',
      unreachable: 'Device unreachable (proxy server or network)',
      deviceError: 'The device reported an error',
      deviceErrorWithMessage: 'The device reported an error: {{message}}',
      maintenanceInactive: 'Maintenance must be activated',
      firmwareTooOld: 'Firmware must be updated to {{version}} or later',
    },
  },
  token: {
    copy: 'Copy confirmation code',
    copied: 'Copied',
    copyFailed: 'Copying failed; select the code and copy it by hand.',
    validUntil: 'Valid until {{time}}',
    expiredAt: 'Expired {{time}}',
    renew: 'Renew',
    renewHint: 'Issue a new confirmation code; the current one stops working',
    cancel: 'Cancel',
    cancelHint: 'Cancel the pairing',
    pairAgain: 'Pair again',
    pairAgainHint: 'Issue a new confirmation code to pair the COMtrexx again',
  },
  pairing: {
    dialogTitle: 'Confirm the access on {{name}}',
    code: 'Confirmation code',
    validity: 'Valid for {{hours}} hours, until {{time}}.',
    stepsTitle: 'Confirm the code on the COMtrexx:',
    step1: 'Open the web interface of the COMtrexx and go to Administration > Service > Externer Zugriff.',
    step2: 'Under Zugriff für COMtrexx Control Center choose Zugriff bestätigen.',
    step3: 'Paste the confirmation code and click OK.',
    afterwards:
      'The system shows as paired once the COMtrexx has confirmed the access. The access can be withdrawn on the COMtrexx at any time.',
  },
  register: {
    button: 'Register COMtrexx',
    title: 'Register a COMtrexx',
    intro:
      'Enter a name and the serial number shown on the dashboard of the COMtrexx (Status-Informationen > Seriennummer). The COMtrexx needs firmware {{version}} or later.',
    name: 'Name',
    nameHelp: 'Freely chosen; identifies the system in the CCC',
    serialNumber: 'Serial number',
    serialNumberHelp: 'From the dashboard of the COMtrexx',
    owner: 'Catalog owner group (optional)',
    ownerHelp: 'For example group:default/telephony. Leave empty to own the catalog entity yourself.',
    errors: {
      nameRequired: 'Enter a name for the system',
      nameTooLong: 'The name may have at most 100 characters',
      serialNumberInvalid: 'The serial number must be 10 to 12 letters and digits, as shown on the COMtrexx dashboard',
      ownerInvalid: 'The catalog owner must be a group reference like group:default/telephony',
    },
    submit: 'Register',
    submitting: 'Registering…',
    failed: 'The COMtrexx could not be registered: {{message}}',
    successTitle: 'COMtrexx registered',
    success: '{{name}} ({{serialNumber}}) is registered. Confirm the access on the device with this confirmation code.',
    done: 'Done',
  },
  gate: {
    title: 'CCC functions are not available for this COMtrexx',
    scope:
      'Registration status, remote configuration, call data, backups, firmware update and monitoring are unavailable. System information and licences stay available.',
    notPaired:
      'The COMtrexx is not paired with the CCC. Pair it: issue a confirmation code (token) and confirm it in the web interface of the device.',
    maintenanceInactive: 'Management needs active maintenance. Activate {{link}} for this COMtrexx.',
    maintenanceLink: 'COMtrexx Maintenance',
    firmwareTooOld:
      'The firmware of the COMtrexx is too old. Update it to {{version}} or later locally in the web interface of the device.',
  },
  overview: {
    title: 'COMtrexx system',
    refreshing: 'Reading the device…',
    refreshHint: 'Read the state of the device now',
    refreshFailed: 'The device could not be read: {{message}}',
    loadError: 'The system could not be loaded: {{message}}',
    notRegisteredTitle: 'This COMtrexx is not registered in the CCC (any more)',
    notRegistered:
      'No system with the serial number {{serialNumber}} is registered in the COMtrexx Control Center. Register it on the COMtrexx page, or remove the annotation {{annotation}} from this entity.',
    fields: {
      name: 'Name',
      state: 'Device state',
      model: 'Model',
      firmware: 'Firmware',
      serialNumber: 'Serial number',
      maintenance: 'Maintenance',
      firstRegistration: 'First registration',
      lastSeen: 'Last seen',
    },
    maintenanceActive: 'Active',
    maintenanceActiveUntil: 'Active until {{date}}',
    maintenanceInactive: 'Inactive',
    maintenanceEnded: 'Inactive (ended {{date}})',
    notReadYet: 'Not read from the device yet',
    licences: 'Licences',
    licencesHint: 'Device information and licences in the Auerswald Voucher Center',
    allAvailable: 'All CCC functions are available for this COMtrexx.',
  },
  backendStatus: {
    title: 'Backend status',
    loading: 'Checking the CCC backend…',
    loadError: 'The CCC backend could not be reached: {{message}}',
    notInstalled:
      'The CCC backend did not answer. Make sure the @internal/plugin-ccc-backend package is installed in your backend.',
    overall: 'Overall',
    database: 'Database',
    devices: 'Device gateway',
    latency: '{{ms}} ms',
    status: {
      ok: 'OK',
      degraded: 'Degraded',
      down: 'Unreachable',
      notConfigured: 'Not configured',
    },
    refresh: 'Check again',
  },
} as const;

/** Texts of the CCC frontend; English above, German in `translations/de.ts`. Apps may override any of them. */
export const cccTranslationRef = createTranslationRef({
  id: 'plugin.ccc',
  messages: cccMessages,
  translations: {
    de: () => import('./translations/de'),
  },
});
