import { EntitySystemContent } from '../common/EntitySystemContent';
import { CallDataReadGate } from './CallDataReadGate';
import { SystemCallData } from './SystemCallData';

/**
 * The Call data tab of a catalog entity annotated with `auerswald.de/comtrexx-serial-number` (manual:
 * "Gesprächsdaten"): the calls the CCC collected from the COMtrexx, searched, filtered, sorted and paged by the
 * backend, and their export as gespr_dat.csv. Only for users who may read the system's call data.
 */
export function EntityCccCallDataContent() {
  return (
    <EntitySystemContent>
      {system => (
        <CallDataReadGate systemId={system.id}>
          <SystemCallData system={system} />
        </CallDataReadGate>
      )}
    </EntitySystemContent>
  );
}
