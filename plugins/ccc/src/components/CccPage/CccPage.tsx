import Grid from '@material-ui/core/Grid';
import { BackendStatus } from '../BackendStatus';
import { SystemsOverview } from '../SystemsOverview';

/**
 * Content of the CCC page. The new frontend system supplies the page header;
 * legacy apps get one from {@link LegacyCccPage}.
 */
export function CccPageContent() {
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
