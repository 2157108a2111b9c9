import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SidebarContent } from './Sidebar';

/** App module that provides the sidebar. */
export const navModule = createFrontendModule({
  pluginId: 'app',
  extensions: [SidebarContent],
});
