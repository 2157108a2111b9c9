import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem, cccRemoteConfigPermission } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Link from '@material-ui/core/Link';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import LinkOffIcon from '@material-ui/icons/LinkOff';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import SettingsRemoteIcon from '@material-ui/icons/SettingsRemote';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { CccRemoteLink } from '../../api/monitoringTypes';
import { cccTranslationRef } from '../../translation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';
import { useSystemPermission } from '../common/usePermissionWithReason';
import { WithReason } from '../common/WithReason';
import { remoteConfigBlock, remoteConfigBlockOf, useRemoteConfigTexts } from './remoteConfigTexts';

// While a session is open its state is asked again now and then, so the indicator goes when the session ends.
const SESSION_POLL_MS = 30_000;

/**
 * Remote configuration of one system (manual: "Fernkonfiguration"): opens
 * the device's web interface in a new window through a one-time link, shows
 * whether the device has an active connection to the remote-access server,
 * and ends it. The button says why it cannot be used: missing role, the
 * gate, or the manual's two "not possible" cases.
 */
export function RemoteConfigCard({ system }: { system: CccSystem }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const theme = useTheme();
  const format = useDateFormat();
  const texts = useRemoteConfigTexts();
  const permission = useSystemPermission(cccRemoteConfigPermission, system.id);
  const block = remoteConfigBlock(system);
  const deviceReachable = block === null || block === 'notAllowed';

  const [opening, setOpening] = useState(false);
  const [failure, setFailure] = useState<{ text: string; notPossible: boolean } | null>(null);
  const [openedLink, setOpenedLink] = useState<{ link: CccRemoteLink; inWindow: boolean } | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState<string | null>(null);

  // The backend asks the device, which only answers for a manageable system.
  const session = useAsyncRetry(
    async () => (deviceReachable ? api.getRemoteSession(system.id) : undefined),
    [api, system.id, deviceReachable],
  );
  const active = session.value?.active === true;
  const reloadSession = session.retry;
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(reloadSession, SESSION_POLL_MS);
    return () => clearInterval(timer);
  }, [active, reloadSession]);

  const reason = permission.reason ?? (block ? texts.block(block) : undefined);

  const open = async () => {
    // The window is opened now, while the click still counts as the user's: opened after the
    // request (cookie, device session) a browser may block it as a pop-up.
    const target = window.open('', '_blank');
    try {
      if (target) target.document.title = t('remoteConfig.opening');
    } catch {
      // A browser that opened the window elsewhere does not let us write into it; the title is a nicety.
    }
    setOpening(true);
    setFailure(null);
    setOpenedLink(null);
    try {
      const link = await api.openRemoteSession(system.id);
      if (target && !target.closed) {
        // The device's pages must not reach back into the portal through `window.opener`.
        target.opener = null;
        target.location.href = link.url;
        setOpenedLink({ link, inWindow: true });
      } else {
        setOpenedLink({ link, inWindow: false });
      }
      reloadSession();
    } catch (e) {
      target?.close();
      setFailure({ text: texts.failure(e), notPossible: remoteConfigBlockOf(e) !== null });
    } finally {
      setOpening(false);
    }
  };

  const end = async () => {
    setEnding(true);
    setEndError(null);
    try {
      await api.closeRemoteSession(system.id);
      setConfirmEnd(false);
      setOpenedLink(null);
      reloadSession();
    } catch (e) {
      setEndError(t('remoteConfig.endFailed', { message: errorMessage(e) }));
    } finally {
      setEnding(false);
    }
  };

  const expiresAt = format.dateTime(session.value?.expiresAt);
  const openByTime = openedLink ? format.dateTime(openedLink.link.openBy) ?? openedLink.link.openBy : '';

  return (
    <InfoCard title={t('remoteConfig.title')}>
      <Typography variant="body2" paragraph>
        {t('remoteConfig.description')}
      </Typography>
      {/* The manual's two "not possible" cases need someone on site, so they are spelled out here. */}
      {(block === 'notAllowed' || block === 'firmwareTooOld') && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          <AlertTitle>{t('remoteConfig.notPossibleTitle')}</AlertTitle>
          {texts.block(block)}
        </Alert>
      )}
      {failure && (
        <Alert severity="error" style={{ marginBottom: 16 }} onClose={() => setFailure(null)}>
          {failure.notPossible && <AlertTitle>{t('remoteConfig.notPossibleTitle')}</AlertTitle>}
          {failure.text}
        </Alert>
      )}
      {openedLink?.inWindow && (
        <Alert severity="success" style={{ marginBottom: 16 }} onClose={() => setOpenedLink(null)}>
          {t('remoteConfig.opened', { name: system.name })}
        </Alert>
      )}
      {openedLink && !openedLink.inWindow && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          {t('remoteConfig.popupBlocked', { time: openByTime })}{' '}
          <Link href={openedLink.link.url} target="_blank" rel="noopener noreferrer">
            {t('remoteConfig.openLink', { name: system.name })}
          </Link>
        </Alert>
      )}
      <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 16 }}>
        <WithReason reason={reason}>
          <Button
            color="primary"
            variant="contained"
            endIcon={<OpenInNewIcon />}
            disabled={!!reason || opening}
            onClick={open}
          >
            {opening ? t('remoteConfig.opening') : t('remoteConfig.open')}
          </Button>
        </WithReason>
        {active && (
          <WithReason reason={permission.reason}>
            <Button startIcon={<LinkOffIcon />} disabled={!permission.allowed} onClick={() => setConfirmEnd(true)}>
              {t('remoteConfig.end')}
            </Button>
          </WithReason>
        )}
      </Box>
      <Box mt={2} display="flex" alignItems="center" data-testid="ccc-remote-session">
        {active ? (
          <>
            <SettingsRemoteIcon style={{ color: theme.palette.success.main, marginRight: 8 }} aria-hidden />
            <Typography variant="body2">
              {expiresAt ? t('remoteConfig.activeUntil', { time: expiresAt }) : t('remoteConfig.active')}
            </Typography>
          </>
        ) : (
          deviceReachable && (
            <Typography variant="body2" color="textSecondary">
              {session.error
                ? t('remoteConfig.statusUnknown', { message: errorMessage(session.error) })
                : !session.loading && t('remoteConfig.inactive')}
            </Typography>
          )
        )}
      </Box>
      <ConfirmDialog
        open={confirmEnd}
        title={t('remoteConfig.endTitle', { name: system.name })}
        description={t('remoteConfig.endDescription')}
        confirmLabel={t('remoteConfig.end')}
        busyLabel={t('remoteConfig.ending')}
        busy={ending}
        error={endError}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={end}
      />
    </InfoCard>
  );
}
