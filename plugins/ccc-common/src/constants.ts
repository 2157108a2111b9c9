/** The plugin id shared by the frontend and backend CCC plugins. */
export const CCC_PLUGIN_ID = 'ccc';

/** Annotation that marks a catalog entity as a COMtrexx managed by the CCC; its value is the serial number. */
export const ANNOTATION_COMTREXX_SERIAL_NUMBER = 'auerswald.de/comtrexx-serial-number';

/** Permission resource type of a registered COMtrexx system. */
export const RESOURCE_TYPE_CCC_SYSTEM = 'ccc-system';

/** Lowest COMtrexx firmware the CCC can manage (manual: "Voraussetzungen"). */
export const MIN_FIRMWARE_VERSION = '2.4.4';

/** How long a pairing token (Bestätigungscode) stays valid, in hours. */
export const PAIRING_TOKEN_VALIDITY_HOURS = 24;
