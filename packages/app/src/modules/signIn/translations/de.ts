/** German texts of the sign-in page (flat keys). */
const de = {
  'guest.title': 'Gast',
  'guest.description': 'Als Gast anmelden, dem die simulierte Demo-Flotte gehört.',
  // Same name as in English: the browser tests click the button by it.
  'guest.enter': 'Enter',
  'demo.title': 'Demo-Benutzer (nur Entwicklung)',
  'demo.description':
    'Als andere Person der Demo-Organisation anmelden, um zu sehen, was deren Rollen erlauben. ' +
    'Ohne Passwort: Diese Auswahl gibt es nur in einem Entwicklungsportal.',
  'demo.signInAs': 'Als {{name}} anmelden',
  failed: 'Anmeldung fehlgeschlagen: {{message}}',
} as const;

export default de;
