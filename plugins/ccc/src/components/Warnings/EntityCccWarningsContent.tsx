import { EntitySystemContent } from '../common/EntitySystemContent';
import { SystemWarnings } from './SystemWarnings';

/**
 * The Warnings tab of a catalog entity annotated with
 * `auerswald.de/comtrexx-serial-number`: the COMtrexx's warnings with filter,
 * sorting and paging, and the alert mails sent about them.
 */
export function EntityCccWarningsContent() {
  return <EntitySystemContent>{system => <SystemWarnings system={system} />}</EntitySystemContent>;
}
