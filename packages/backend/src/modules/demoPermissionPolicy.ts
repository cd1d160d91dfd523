import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** The label that marks a confidential entity in the demo catalog. */
export const RESTRICTED_LABEL = 'domain-atlas.io/restricted';

/**
 * The demo's permission policy: everything is allowed, except that with
 * `demo.hideRestrictedEntities: true` a user may read an entity labelled
 * `domain-atlas.io/restricted` only when they (or a group they belong to)
 * own it. Service callers, Domain Atlas's own catalog reads among them, read
 * everything. This is the kind of policy companies write for confidential
 * systems, and the way to watch Domain Atlas follow it.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  constructor(private readonly hideRestrictedEntities: boolean) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      this.hideRestrictedEntities &&
      user &&
      isPermission(request.permission, catalogEntityReadPermission)
    ) {
      return createCatalogConditionalDecision(request.permission, {
        anyOf: [
          { not: catalogConditions.hasLabel({ label: RESTRICTED_LABEL }) },
          catalogConditions.isEntityOwner({
            claims: user.info.ownershipEntityRefs,
          }),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Installs {@link DemoPermissionPolicy} in the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          new DemoPermissionPolicy(
            config.getOptionalBoolean('demo.hideRestrictedEntities') ?? false,
          ),
        );
      },
    });
  },
});
