import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { domainAtlasPermissions } from '@domain-atlas/plugin-domain-atlas-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { stringifyError } from '@backstage/errors';
import { registerActions } from './actions';
import {
  KnexContractRevisionStore,
  KnexDomainAtlasStore,
  KnexNotificationScopeStore,
} from './database';
import { createRouter } from './router';
import {
  checkAnalysisOptions,
  readAnalysisConfig,
} from './services/AnalysisConfig';
import { CatalogReader, readCatalogConfig } from './services/CatalogReader';
import { ContractHistory } from './services/ContractHistory';
import {
  ContractService,
  readContractCheckConfig,
} from './services/ContractService';
import {
  DEFAULT_MAX_DEFINITION_SIZE,
  domainAtlasRulesExtensionPoint,
} from '@domain-atlas/plugin-domain-atlas-node';
import {
  readNotificationsConfig,
  ReportNotifier,
} from './services/Notifications';
import { RefreshService } from './services/RefreshService';
import {
  loadRuleModules,
  resolveRuleModules,
} from './services/RefreshService/ruleModules';
import { ReportService } from './services/ReportService';
import { CatalogVisibility, VisibleReports } from './services/Visibility';

/**
 * The Domain Atlas backend plugin, id `domain-atlas`.
 *
 * @public
 */
export const domainAtlasPlugin = createBackendPlugin({
  pluginId: 'domain-atlas',
  register(env) {
    // Rule modules added by backend modules, known before init runs.
    const addedRuleModules: string[] = [];
    env.registerExtensionPoint(domainAtlasRulesExtensionPoint, {
      addRuleModule(module) {
        addedRuleModules.push(module);
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init({
        auth,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        scheduler,
        catalog,
        actionsRegistry,
        notifications,
      }) {
        // Loaded here to check them at start-up; each refresh's worker
        // loads them again to run them.
        const ruleModules = resolveRuleModules(addedRuleModules);
        const moduleRules = loadRuleModules(ruleModules);
        const analysisConfig = readAnalysisConfig(
          config,
          moduleRules.map(rule => rule.id),
        );
        // Module rules run next to the config's own rules, if any.
        analysisConfig.analysis = {
          ...analysisConfig.analysis,
          extraRules: [
            ...(analysisConfig.analysis.extraRules ?? []),
            ...moduleRules,
          ],
        };
        checkAnalysisOptions(analysisConfig.analysis);
        if (moduleRules.length > 0) {
          logger.info(
            `Rules from backend modules: ${moduleRules
              .map(rule => rule.id)
              .join(', ')}`,
          );
        }
        const catalogConfig = readCatalogConfig(config);
        const store = await KnexDomainAtlasStore.create(database);
        const revisions = new KnexContractRevisionStore(
          await database.getClient(),
        );
        // Owners hear of regressions through Backstage's notifications.
        const notifier = new ReportNotifier({
          notifications,
          store,
          scopes: new KnexNotificationScopeStore(await database.getClient()),
          logger,
          config: readNotificationsConfig(config),
        });
        const reader = new CatalogReader({
          catalog,
          auth,
          timeoutMs: catalogConfig.readTimeoutMs,
        });
        const refresher = new RefreshService({
          reader,
          store,
          logger,
          config: analysisConfig,
          analysisSetup: {
            config: config.getOptionalConfig('domainAtlas')?.get(),
            ruleModules,
            maxDefinitionSize: DEFAULT_MAX_DEFINITION_SIZE,
          },
          contracts: new ContractHistory({
            store: revisions,
            logger,
            backfill: analysisConfig.contractBackfill,
            maxDefinitionSize: DEFAULT_MAX_DEFINITION_SIZE,
          }),
        });
        const contracts = new ContractService({
          store: revisions,
          maxDefinitionSize: DEFAULT_MAX_DEFINITION_SIZE,
          limits: readContractCheckConfig(config),
        });
        const reports = new ReportService({ store, refresher, logger });
        refresher.setSnapshotListener(async ({ owners }) => {
          // Loads the new report for the routes now, rather than at the
          // next request, and compares it with the one served before.
          const snapshot = await reports.getSnapshot();
          await notifier.notify({
            id: snapshot.id,
            report: snapshot.report,
            owners,
            previous: reports.releaseServedBefore(snapshot.id)?.report,
          });
        });
        // Every route and action serves the report as the caller may see
        // it under the catalog's permissions.
        const visible = new VisibleReports({
          reports,
          visibility: new CatalogVisibility({ permissions, catalog }),
        });

        await scheduler.scheduleTask({
          id: 'domain-atlas-refresh',
          scope: 'global',
          ...analysisConfig.schedule,
          fn: async () => {
            // A failure is logged and recorded by the refresher; the next
            // run tries again and the last good snapshot stays in use.
            await refresher
              .refresh()
              .catch(error =>
                logger.debug(
                  `Scheduled refresh failed: ${stringifyError(error)}`,
                ),
              );
          },
        });

        permissionsRegistry.addPermissions(domainAtlasPermissions);
        registerActions({ actionsRegistry, reports: visible, contracts });
        httpRouter.use(
          await createRouter({
            httpAuth,
            logger,
            permissions,
            store,
            reports,
            visible,
            refresher,
            contracts,
          }),
        );
      },
    });
  },
});
