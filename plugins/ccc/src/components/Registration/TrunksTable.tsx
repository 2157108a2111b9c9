import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccTrunk } from '@internal/plugin-ccc-common';
import LockIcon from '@material-ui/icons/Lock';
import LockOpenIcon from '@material-ui/icons/LockOpen';
import { cccTranslationRef } from '../../translation';
import { FleetAwareTable, SystemLabel } from './FleetAwareTable';
import { StateLabel } from './StateLabel';
import { useRegistrationTexts } from './useRegistrationTexts';

/**
 * Provider accounts with account name, provider, STUN state, registration
 * state and whether the registration is encrypted (manual: "Provider und
 * Accounts"). With `systems` it adds a system column and the read time, for
 * the fleet view.
 */
export function TrunksTable({
  trunks,
  emptyText,
  systems,
}: {
  trunks: CccTrunk[];
  emptyText: string;
  systems?: ReadonlyMap<string, SystemLabel>;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRegistrationTexts();
  const encryption = (trunk: CccTrunk) => {
    const encrypted = texts.encrypted(trunk.registrationState);
    if (encrypted === null) return t('common.none');
    return encrypted ? (
      <StateLabel icon={LockIcon} tone="ok" text={t('registration.encrypted')} />
    ) : (
      <StateLabel icon={LockOpenIcon} tone="warning" text={t('registration.unencrypted')} />
    );
  };
  return (
    <FleetAwareTable
      title={t('registration.trunksTitle')}
      rows={trunks}
      emptyText={emptyText}
      systems={systems}
      columns={[
        { title: t('registration.columns.accountName'), cell: trunk => trunk.accountName },
        { title: t('registration.columns.providerName'), cell: trunk => trunk.providerName },
        { title: t('registration.columns.stunState'), cell: trunk => <StateLabel {...texts.stun(trunk.stunState)} /> },
        {
          title: t('registration.columns.registrationState'),
          cell: trunk => <StateLabel {...texts.registration(trunk.registrationState)} />,
        },
        { title: t('registration.columns.encryption'), cell: encryption },
      ]}
    />
  );
}
