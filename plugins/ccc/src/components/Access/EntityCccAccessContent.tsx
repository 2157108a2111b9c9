import { EntitySystemContent } from '../common/EntitySystemContent';
import { SystemAccess } from './SystemAccess';

/**
 * The Access tab of a catalog entity annotated with
 * `auerswald.de/comtrexx-serial-number`: who holds which role on the
 * COMtrexx, granting and revoking roles, handing the system on, the role →
 * permission table and the system's audit trail.
 */
export function EntityCccAccessContent() {
  return (
    <EntitySystemContent>
      {(system, reload) => <SystemAccess system={system} onSystemChanged={reload} />}
    </EntitySystemContent>
  );
}
