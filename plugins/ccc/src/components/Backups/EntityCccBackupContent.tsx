import { CccSystemGate } from '../CccSystemGate';
import { EntitySystemContent } from '../common/EntitySystemContent';
import { SystemBackups } from './SystemBackups';

/**
 * The Backup tab of a catalog entity annotated with
 * `auerswald.de/comtrexx-serial-number` (manual: "Backup" and "Update
 * einschließlich Neustart"): remote backups with schedule, retention and
 * assurance, and the firmware update, for systems the CCC may manage.
 */
export function EntityCccBackupContent() {
  return (
    <EntitySystemContent>
      {(system, reload) => (
        <CccSystemGate system={system}>
          {/* Keyed by system so that a followed job never carries over to another system. */}
          <SystemBackups key={system.id} system={system} onSystemChanged={reload} />
        </CccSystemGate>
      )}
    </EntitySystemContent>
  );
}
