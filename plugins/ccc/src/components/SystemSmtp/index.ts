export { EntityCccSmtpContent } from './EntityCccSmtpContent';
export { SystemSmtp } from './SystemSmtp';
