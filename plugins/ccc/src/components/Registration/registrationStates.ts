import { CccPhone, CccTrunk } from '@internal/plugin-ccc-common';
import { SvgIconProps } from '@material-ui/core/SvgIcon';
import BlockIcon from '@material-ui/icons/Block';
import CallReceivedIcon from '@material-ui/icons/CallReceived';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CheckCircleOutlineIcon from '@material-ui/icons/CheckCircleOutline';
import CloudOffIcon from '@material-ui/icons/CloudOff';
import ErrorIcon from '@material-ui/icons/Error';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import HighlightOffIcon from '@material-ui/icons/HighlightOff';
import HourglassEmptyIcon from '@material-ui/icons/HourglassEmpty';
import LockIcon from '@material-ui/icons/Lock';
import LockOpenIcon from '@material-ui/icons/LockOpen';
import PhoneIcon from '@material-ui/icons/Phone';
import PhoneDisabledIcon from '@material-ui/icons/PhoneDisabled';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import { ComponentType } from 'react';
import { cccMessages } from '../../translation';
import { StateTone } from './StateLabel';

/** Icon, colour and message key of one state. */
export interface StateLook<K extends string> {
  icon: ComponentType<SvgIconProps>;
  tone: StateTone;
  key: K;
}

type PhoneStateKey = keyof typeof cccMessages.registration.phoneStates;
type StunStateKey = keyof typeof cccMessages.registration.stunStates;
type RegistrationStateKey = keyof typeof cccMessages.registration.registrationStates;

/** The manual's eight phone states ("Telefon Status"). */
export const PHONE_STATE_LOOKS: Record<CccPhone['status'], StateLook<PhoneStateKey>> = {
  no_provisioning_file: { icon: BlockIcon, tone: 'error', key: 'noProvisioningFile' },
  provisioning_pending: { icon: HourglassEmptyIcon, tone: 'warning', key: 'provisioningPending' },
  provisioned: { icon: CheckCircleOutlineIcon, tone: 'ok', key: 'provisioned' },
  registered_encrypted: { icon: LockIcon, tone: 'ok', key: 'registeredEncrypted' },
  registered_unencrypted: { icon: LockOpenIcon, tone: 'warning', key: 'registeredUnencrypted' },
  not_registered: { icon: PhoneDisabledIcon, tone: 'error', key: 'notRegistered' },
  unknown: { icon: HelpOutlineIcon, tone: 'neutral', key: 'unknown' },
  analog_connected: { icon: PhoneIcon, tone: 'ok', key: 'analogConnected' },
};

/** STUN states of a provider account ("Provider und Accounts"). */
export const STUN_STATE_LOOKS: Record<CccTrunk['stunState'], StateLook<StunStateKey>> = {
  stun_none: { icon: RadioButtonUncheckedIcon, tone: 'neutral', key: 'stunNone' },
  stun_ok: { icon: CheckCircleIcon, tone: 'ok', key: 'stunOk' },
  stun_offline: { icon: CloudOffIcon, tone: 'error', key: 'stunOffline' },
  stun_failed: { icon: ErrorOutlineIcon, tone: 'warning', key: 'stunFailed' },
  invite_answered: { icon: CallReceivedIcon, tone: 'ok', key: 'inviteAnswered' },
  config_error: { icon: ErrorIcon, tone: 'error', key: 'configError' },
};

/** Registration states of a provider account. */
export const TRUNK_REGISTRATION_LOOKS: Record<CccTrunk['registrationState'], StateLook<RegistrationStateKey>> = {
  not_registered: { icon: HighlightOffIcon, tone: 'error', key: 'notRegistered' },
  registered_unencrypted: { icon: LockOpenIcon, tone: 'warning', key: 'registeredUnencrypted' },
  registered_encrypted: { icon: LockIcon, tone: 'ok', key: 'registeredEncrypted' },
};

/** A state the frontend does not know yet (a newer backend) looks like "unknown" and shows its code. */
export const UNKNOWN_STATE_LOOK = { icon: HelpOutlineIcon, tone: 'neutral' as StateTone };
