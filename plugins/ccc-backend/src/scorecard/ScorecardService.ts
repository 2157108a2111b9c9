import { CccScorecard, CccSystem } from '@internal/plugin-ccc-common';
import { assessBackups } from '../backups/assurance';
import { CccDatabase } from '../database/CccDatabase';
import { CccSystemCriteria } from '../database/systemFilter';
import { SystemsService } from '../systems/SystemsService';
import { DEFAULT_SCORE_THRESHOLDS, ScoreThresholds, scoreSystem } from './scoreSystem';

/**
 * The fleet health overview: a score per system from what the CCC already
 * stored (state, maintenance, firmware, backups, registration, SMTP, load).
 * Computed from the database in a few set queries, never by asking devices.
 */
export class ScorecardService {
  readonly #db: CccDatabase;
  readonly #systems: SystemsService;
  readonly #thresholds: ScoreThresholds;
  readonly #staleAfterDays: number;
  readonly #now: () => Date;

  constructor(options: {
    db: CccDatabase;
    systems: SystemsService;
    thresholds?: Partial<ScoreThresholds>;
    staleAfterDays?: number;
    now?: () => Date;
  }) {
    this.#db = options.db;
    this.#systems = options.systems;
    // Unset config values come as undefined and must not wipe the defaults.
    const given = Object.fromEntries(Object.entries(options.thresholds ?? {}).filter(([, v]) => v !== undefined));
    this.#thresholds = { ...DEFAULT_SCORE_THRESHOLDS, ...given };
    this.#staleAfterDays = options.staleAfterDays ?? 7;
    this.#now = options.now ?? (() => new Date());
  }

  /** Scorecards of the systems the criteria allow (all without criteria), worst first. */
  async fleet(criteria?: CccSystemCriteria): Promise<CccScorecard[]> {
    const cards = await this.#score(await this.#systems.list(criteria));
    return cards.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.name.localeCompare(b.name));
  }

  /** The scorecard of one system. */
  async forSystem(systemId: string): Promise<CccScorecard> {
    const [card] = await this.#score([await this.#systems.get(systemId)]);
    return card;
  }

  async #score(systems: CccSystem[]): Promise<CccScorecard[]> {
    const ids = systems.map(s => s.id);
    const now = this.#now();
    const [backups, registration, load, defaultServer, assigned] = await Promise.all([
      this.#db.backups.getStatuses(ids),
      this.#db.monitoring.registrationSummaries(ids),
      this.#db.monitoring.loadSummaries(ids, 300, new Date(now.getTime() - 3_600_000).toISOString()),
      this.#db.smtp.getDefault(),
      this.#db.smtp.assignedSystems(ids),
    ]);
    return systems.map(system =>
      scoreSystem(
        {
          system,
          backup: assessBackups(backups.get(system.id), now, this.#staleAfterDays),
          registration: registration.get(system.id),
          load: load.get(system.id),
          smtp: { assigned: assigned.has(system.id), defaultExists: Boolean(defaultServer) },
        },
        now,
        this.#thresholds,
      ),
    );
  }
}
