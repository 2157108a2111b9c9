export { SmtpServersPage } from './SmtpServersPage';
export { SmtpServerFormDialog } from './SmtpServerFormDialog';
