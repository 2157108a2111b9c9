import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccWarningSeverity } from '@internal/plugin-ccc-common';
import { cccTranslationRef } from '../../translation';
import { SeverityIcon } from './SeverityIcon';

/** The COMtrexx name of a severity class in the app's language ("Malfunction", "Störung", …). */
export function useSeverityText(): (severity: CccWarningSeverity) => string {
  const { t } = useTranslationRef(cccTranslationRef);
  return severity => t(`warnings.severity.${severity}`);
}

/** Icon and name of a severity class, as shown in the warnings table. */
export function SeverityLabel({ severity }: { severity: CccWarningSeverity }) {
  const text = useSeverityText();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
      <SeverityIcon severity={severity} />
      {text(severity)}
    </span>
  );
}
