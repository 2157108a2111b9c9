import { CccSystemGate } from '../CccSystemGate';
import { EntitySystemContent } from '../common/EntitySystemContent';
import { SystemMonitoring } from './SystemMonitoring';

/**
 * The Monitoring tab of a catalog entity annotated with
 * `auerswald.de/comtrexx-serial-number`: CPU load and memory use of the
 * COMtrexx. Monitoring needs a manageable system (active maintenance), so
 * the gate explains when it is not.
 */
export function EntityCccMonitoringContent() {
  return (
    <EntitySystemContent>
      {system => (
        <CccSystemGate system={system}>
          <SystemMonitoring system={system} />
        </CccSystemGate>
      )}
    </EntitySystemContent>
  );
}
