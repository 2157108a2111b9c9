import { LoggerService } from '@backstage/backend-plugin-api';
import { AlertMailer } from '../warnings/AlertMailer';
import { AlertConditionTracker } from './AlertConditionTracker';
import { AlertNotifier } from './AlertNotifier';

/**
 * One alert run (the `ccc-alert-mail` task): update the conditions, then
 * mail, then notify, so both paths tell the same conditions. A step that
 * fails is logged and the next still runs: a broken notifications backend
 * must not hold back the mails, nor the other way round.
 */
export class AlertRun {
  readonly #tracker: AlertConditionTracker;
  readonly #mailer: AlertMailer;
  readonly #notifier?: AlertNotifier;
  readonly #logger: LoggerService;

  constructor(options: {
    tracker: AlertConditionTracker;
    mailer: AlertMailer;
    /** Absent while `ccc.notifications.enabled` is off. */
    notifier?: AlertNotifier;
    logger: LoggerService;
  }) {
    this.#tracker = options.tracker;
    this.#mailer = options.mailer;
    this.#notifier = options.notifier;
    this.#logger = options.logger;
  }

  async runOnce(): Promise<void> {
    await this.#step('Updating the alert conditions', () => this.#tracker.evaluateAll());
    await this.#step('Alert mails', () => this.#mailer.runOnce());
    const notifier = this.#notifier;
    if (notifier) await this.#step('Alert notifications', () => notifier.runOnce());
  }

  async #step(name: string, fn: () => Promise<unknown>) {
    try {
      await fn();
    } catch (error) {
      this.#logger.error(`${name} failed: ${(error as Error).message}`);
    }
  }
}
