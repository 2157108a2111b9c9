import { CccDashboard, DeviceState } from '@internal/plugin-ccc-common';
import { CccSystemCriteria } from '../database/systemFilter';
import { SystemsService } from '../systems/SystemsService';
import { NewsFeed } from './NewsFeed';
import packageJson from '../../package.json';

/** The dashboard: version, the user's systems by state, links and news. */
export class DashboardService {
  constructor(
    private readonly systems: SystemsService,
    private readonly news: NewsFeed,
    /** Help and legal documents of the installation (`ccc.links`); none by default. */
    private readonly links: Array<{ title: string; url: string }> = [],
  ) {}

  /** The dashboard over the systems the criteria allow (all without criteria). */
  async read(criteria?: CccSystemCriteria): Promise<CccDashboard> {
    const systems = await this.systems.list(criteria);
    const systemsByState: Partial<Record<DeviceState, number>> = {};
    for (const s of systems) systemsByState[s.state] = (systemsByState[s.state] ?? 0) + 1;
    const news = await this.news.read();
    return {
      version: packageJson.version,
      runtime: `Node.js ${process.versions.node}`,
      systemsByState,
      news: news.items,
      newsError: news.error,
      links: this.links,
    };
  }
}
