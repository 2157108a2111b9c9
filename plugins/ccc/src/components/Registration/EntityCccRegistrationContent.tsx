import { CccSystemGate } from '../CccSystemGate';
import { EntitySystemContent } from '../common/EntitySystemContent';
import { SystemRegistration } from './SystemRegistration';

/**
 * The Registration tab of a catalog entity annotated with
 * `auerswald.de/comtrexx-serial-number`: phones and provider accounts of the
 * COMtrexx with their states. It needs a manageable system (active
 * maintenance), so the gate explains when it is not.
 */
export function EntityCccRegistrationContent() {
  return (
    <EntitySystemContent>
      {system => (
        <CccSystemGate system={system}>
          <SystemRegistration system={system} />
        </CccSystemGate>
      )}
    </EntitySystemContent>
  );
}
