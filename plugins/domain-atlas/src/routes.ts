import { createRouteRef } from '@backstage/core-plugin-api';

/** The organisation page, `/domain-atlas` in the demo app. */
export const rootRouteRef = createRouteRef({ id: 'domain-atlas' });
