import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createRouter } from './router';
import { CatalogReader } from './services/CatalogReader';
import { ReportService } from './services/ReportService';

/**
 * The Domain Atlas backend plugin, id `domain-atlas`.
 *
 * @public
 */
export const domainAtlasPlugin = createBackendPlugin({
  pluginId: 'domain-atlas',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ auth, httpAuth, httpRouter, logger, catalog }) {
        const reader = new CatalogReader({ catalog, auth });
        const reports = new ReportService({ reader, logger });
        httpRouter.use(await createRouter({ httpAuth, reports }));
      },
    });
  },
});
