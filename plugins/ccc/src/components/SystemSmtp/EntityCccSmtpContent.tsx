import { EntitySystemContent } from '../common/EntitySystemContent';
import { SystemSmtp } from './SystemSmtp';

/**
 * The SMTP tab of a catalog entity annotated with
 * `auerswald.de/comtrexx-serial-number`: which of the company's mail servers
 * sends the warnings of the COMtrexx.
 */
export function EntityCccSmtpContent() {
  return <EntitySystemContent>{system => <SystemSmtp system={system} />}</EntitySystemContent>;
}
