import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccPhone } from '@internal/plugin-ccc-common';
import { cccTranslationRef } from '../../translation';
import { FleetAwareTable, SystemLabel } from './FleetAwareTable';
import { StateLabel } from './StateLabel';
import { useRegistrationTexts } from './useRegistrationTexts';

/**
 * Phones with name, MAC address, model and status (manual: "Telefon
 * Status"). With `systems` it adds a system column and the time each row
 * was read, for the fleet view.
 */
export function PhonesTable({
  phones,
  emptyText,
  systems,
}: {
  phones: CccPhone[];
  emptyText: string;
  systems?: ReadonlyMap<string, SystemLabel>;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRegistrationTexts();
  return (
    <FleetAwareTable
      title={t('registration.phonesTitle')}
      rows={phones}
      emptyText={emptyText}
      systems={systems}
      columns={[
        { title: t('registration.columns.name'), cell: phone => phone.name },
        {
          title: t('registration.columns.macAddress'),
          cell: phone => phone.macAddress ?? t('common.none'),
          style: { fontFamily: 'monospace' },
        },
        {
          title: t('registration.columns.model'),
          cell: phone => [phone.manufacturer, phone.model].filter(Boolean).join(' '),
        },
        { title: t('registration.columns.status'), cell: phone => <StateLabel {...texts.phone(phone.status)} /> },
      ]}
    />
  );
}
