import { useApi } from '@backstage/core-plugin-api';
import { CccJob } from '@internal/plugin-ccc-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { errorMessage, hasStatus } from '../common/errors';

/** How often a running job is read; reading it is also what moves it on in the backend. */
export const JOB_POLL_INTERVAL_MS = 2500;

/** A job being followed, and what went wrong reading it. */
export interface JobFollower {
  /** The followed job as last read; null before anything was started. */
  job: CccJob | null;
  /** Why the last read failed; reads continue unless the job is gone. */
  pollError: string | null;
  /** Starts following a job (the answer of a start call, or a job found running on load). */
  follow(job: CccJob): void;
  /** Forgets a finished job, e.g. when its result was read. */
  dismiss(): void;
}

/**
 * Follows a backup, restore or firmware job: reads it every
 * {@link JOB_POLL_INTERVAL_MS} while it runs and calls `onFinished` once when
 * it has succeeded or failed. A restart makes the device unreachable for
 * minutes, so failed reads (502, 503, network) are shown and retried rather
 * than ending the follow. A job that is gone (404) or hidden (403) cannot be
 * followed any more: it ends as failed with that reason, so nothing stays busy.
 */
export function useJobFollower(systemId: string, onFinished?: (job: CccJob) => void): JobFollower {
  const api = useApi(cccApiRef);
  const [job, setJob] = useState<CccJob | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  // Counts reads, so that the next one is scheduled even when an answer equals the previous job.
  const [reads, setReads] = useState(0);
  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    if (job?.state !== 'running') return undefined;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const next = await api.getJob(systemId, job.id);
        if (cancelled) return;
        setPollError(null);
        setJob(next);
        if (next.state !== 'running') onFinishedRef.current?.(next);
      } catch (e) {
        if (cancelled) return;
        if (hasStatus(e, 404) || hasStatus(e, 403)) {
          const lost: CccJob = { ...job, state: 'failed', message: errorMessage(e) };
          setPollError(null);
          setJob(lost);
          onFinishedRef.current?.(lost);
        } else {
          setPollError(errorMessage(e));
        }
      }
      setReads(n => n + 1);
    }, JOB_POLL_INTERVAL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, systemId, job, reads]);

  const follow = useCallback((next: CccJob) => {
    setJob(next);
    setPollError(null);
    if (next.state !== 'running') onFinishedRef.current?.(next);
  }, []);

  const dismiss = useCallback(() => {
    setJob(prev => (prev?.state === 'running' ? prev : null));
    setPollError(null);
  }, []);

  return { job, pollError, follow, dismiss };
}
