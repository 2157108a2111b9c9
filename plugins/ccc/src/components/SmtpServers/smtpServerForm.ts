import { CccSmtpServer, createSmtpServerRequestSchema } from '@internal/plugin-ccc-common';
import { CreateSmtpServerRequest, UpdateSmtpServerRequest } from '../../api/smtpTypes';

/** What happens to a stored password on save. */
export type PasswordAction = 'keep' | 'replace' | 'remove';

/** The values of the server dialog, as typed. */
export interface SmtpServerForm {
  name: string;
  host: string;
  port: string;
  username: string;
  /** A new password; never filled from the server, whose password the API does not return. */
  password: string;
  passwordAction: PasswordAction;
  sender: string;
  recipient: string;
  noTls: boolean;
  isDefault: boolean;
}

/** Text fields of the dialog. */
export type SmtpTextField = 'name' | 'host' | 'port' | 'username' | 'password' | 'sender' | 'recipient';

/** Message keys (under `smtpForm.errors`) of what is wrong with a field. */
export type SmtpFormError =
  | 'nameRequired'
  | 'nameTooLong'
  | 'hostInvalid'
  | 'portInvalid'
  | 'usernameTooLong'
  | 'passwordRequired'
  | 'passwordTooLong'
  | 'senderInvalid'
  | 'recipientInvalid';

/** The dialog's starting values: empty for a new server, the server's own otherwise (without the password). */
export function formOf(server?: CccSmtpServer): SmtpServerForm {
  if (!server) {
    return {
      name: '',
      host: '',
      port: '587',
      username: '',
      password: '',
      passwordAction: 'replace',
      sender: '',
      recipient: '',
      noTls: false,
      isDefault: false,
    };
  }
  return {
    name: server.name,
    host: server.host,
    port: String(server.port),
    username: server.username ?? '',
    password: '',
    passwordAction: 'keep',
    sender: server.sender,
    recipient: server.recipient,
    noTls: server.noTls,
    isDefault: server.isDefault,
  };
}

/** The password to send: a new one, `null` to remove it (or for none), `undefined` to keep the stored one. */
function passwordOf(form: SmtpServerForm, editing: boolean): string | null | undefined {
  if (!editing) return form.password === '' ? null : form.password;
  if (form.passwordAction === 'keep') return undefined;
  if (form.passwordAction === 'remove') return null;
  return form.password;
}

/** Checks the form with the shared request schema (the backend checks the same) and turns it into a request. */
export function validateSmtpForm(
  form: SmtpServerForm,
  server?: CccSmtpServer,
): { errors: Partial<Record<SmtpTextField, SmtpFormError>>; request?: CreateSmtpServerRequest } {
  const port = form.port.trim();
  const password = passwordOf(form, !!server);
  const parsed = createSmtpServerRequestSchema.safeParse({
    name: form.name,
    host: form.host,
    // Only digits count: Number() would also take "1e3" or "0x19".
    port: /^\d+$/.test(port) ? Number(port) : Number.NaN,
    username: form.username.trim() === '' ? null : form.username,
    ...(password === undefined ? {} : { password }),
    sender: form.sender,
    recipient: form.recipient,
    noTls: form.noTls,
    isDefault: form.isDefault,
  });
  if (parsed.success) return { errors: {}, request: parsed.data };

  const errors: Partial<Record<SmtpTextField, SmtpFormError>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SmtpTextField;
    if (errors[field]) continue;
    switch (field) {
      case 'name':
        errors.name = issue.code === 'too_big' ? 'nameTooLong' : 'nameRequired';
        break;
      case 'host':
        errors.host = 'hostInvalid';
        break;
      case 'port':
        errors.port = 'portInvalid';
        break;
      case 'username':
        errors.username = 'usernameTooLong';
        break;
      case 'password':
        errors.password = issue.code === 'too_big' ? 'passwordTooLong' : 'passwordRequired';
        break;
      case 'sender':
        errors.sender = 'senderInvalid';
        break;
      case 'recipient':
        errors.recipient = 'recipientInvalid';
        break;
      default:
        break;
    }
  }
  return { errors };
}

/** The fields that differ from the server, so a save never overwrites a change made meanwhile by someone else. */
export function changesOf(
  server: CccSmtpServer,
  request: CreateSmtpServerRequest,
  passwordAction: PasswordAction,
): UpdateSmtpServerRequest {
  const changes: UpdateSmtpServerRequest = {};
  if (request.name !== server.name) changes.name = request.name;
  if (request.host !== server.host) changes.host = request.host;
  if (request.port !== server.port) changes.port = request.port;
  if ((request.username ?? null) !== server.username) changes.username = request.username ?? null;
  if (request.sender !== server.sender) changes.sender = request.sender;
  if (request.recipient !== server.recipient) changes.recipient = request.recipient;
  if (request.noTls !== server.noTls) changes.noTls = request.noTls;
  if (request.isDefault !== server.isDefault) changes.isDefault = request.isDefault;
  if (passwordAction === 'replace') changes.password = request.password;
  // Removing a password that is not there would change nothing.
  if (passwordAction === 'remove' && server.passwordSet) changes.password = null;
  return changes;
}
