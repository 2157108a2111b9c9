export { EntityCccSmtpContent } from './EntityCccSmtpContent';
export { EntityCccSystem } from './EntityCccSystem';
export { SystemSmtp } from './SystemSmtp';
