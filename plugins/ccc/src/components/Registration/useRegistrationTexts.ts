import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { SvgIconProps } from '@material-ui/core/SvgIcon';
import { ComponentType, useMemo } from 'react';
import { cccTranslationRef } from '../../translation';
import {
  PHONE_STATE_LOOKS,
  STUN_STATE_LOOKS,
  TRUNK_REGISTRATION_LOOKS,
  UNKNOWN_STATE_LOOK,
} from './registrationStates';
import { StateTone } from './StateLabel';

/** What a {@link StateLabel} shows for one state. */
export interface StateDisplay {
  icon: ComponentType<SvgIconProps>;
  tone: StateTone;
  text: string;
  description?: string;
}

/** Icons and texts of the phone, STUN and registration states in the app's language. */
export interface RegistrationTexts {
  phone(state: string): StateDisplay;
  stun(state: string): StateDisplay;
  registration(state: string): StateDisplay;
  /** Whether an account's registration is encrypted; null when it is not registered. */
  encrypted(state: string): boolean | null;
}

// Lookups by a code from the backend, which may be newer than this frontend.
const lookup = <T>(table: Record<string, T>, state: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, state) ? table[state] : undefined;

/** States as icon and text; a code this frontend does not know shows as itself with the "unknown" icon. */
export function useRegistrationTexts(): RegistrationTexts {
  const { t } = useTranslationRef(cccTranslationRef);
  return useMemo(
    () => ({
      phone: state => {
        const look = lookup(PHONE_STATE_LOOKS, state);
        return look
          ? { icon: look.icon, tone: look.tone, text: t(`registration.phoneStates.${look.key}`) }
          : { ...UNKNOWN_STATE_LOOK, text: state };
      },
      stun: state => {
        const look = lookup(STUN_STATE_LOOKS, state);
        return look
          ? {
              icon: look.icon,
              tone: look.tone,
              text: t(`registration.stunStates.${look.key}`),
              description: t(`registration.stunDescriptions.${look.key}`),
            }
          : { ...UNKNOWN_STATE_LOOK, text: state };
      },
      registration: state => {
        const look = lookup(TRUNK_REGISTRATION_LOOKS, state);
        return look
          ? { icon: look.icon, tone: look.tone, text: t(`registration.registrationStates.${look.key}`) }
          : { ...UNKNOWN_STATE_LOOK, text: state };
      },
      encrypted: state => {
        if (state === 'registered_encrypted') return true;
        if (state === 'registered_unencrypted') return false;
        return null;
      },
    }),
    [t],
  );
}
