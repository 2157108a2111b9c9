import Grid from '@material-ui/core/Grid';
import { BackendStatus } from '../BackendStatus';
import { SystemsOverview } from '../SystemsOverview';

/** The first tab of the CCC page: the systems overview next to the backend status. */
export function SystemsTab() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SystemsOverview />
      </Grid>
      <Grid item xs={12} md={6} lg={4}>
        <BackendStatus />
      </Grid>
    </Grid>
  );
}
