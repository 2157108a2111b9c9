import { createRouteRef } from '@backstage/core-plugin-api';

/** Route of the CCC fleet page; the new frontend system uses it through core-compat-api. */
export const rootRouteRef = createRouteRef({ id: 'ccc' });
