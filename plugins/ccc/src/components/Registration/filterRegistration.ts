import { CccPhone, CccTrunk } from '@internal/plugin-ccc-common';
import { RegistrationTexts } from './useRegistrationTexts';

const matches = (filter: string, values: Array<string | null | undefined>) => {
  const needle = filter.trim().toLocaleLowerCase();
  return !needle || values.some(value => value?.toLocaleLowerCase().includes(needle));
};

/** Phones whose name, MAC address, model or status text contains the filter (the manual: "filtered by the value"). */
export function filterPhones(phones: CccPhone[], filter: string, texts: RegistrationTexts): CccPhone[] {
  return phones.filter(phone =>
    matches(filter, [
      phone.name,
      phone.macAddress,
      // A MAC address is often typed without its separators.
      phone.macAddress?.replace(/[:-]/g, ''),
      phone.manufacturer,
      phone.model,
      texts.phone(phone.status).text,
    ]),
  );
}

/** Accounts whose name, provider or state texts contain the filter. */
export function filterTrunks(trunks: CccTrunk[], filter: string, texts: RegistrationTexts): CccTrunk[] {
  return trunks.filter(trunk =>
    matches(filter, [
      trunk.accountName,
      trunk.providerName,
      texts.stun(trunk.stunState).text,
      texts.registration(trunk.registrationState).text,
    ]),
  );
}
