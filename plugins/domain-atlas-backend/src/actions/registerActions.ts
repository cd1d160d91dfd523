import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ContractService } from '../services/ContractService';
import { VisibleReports } from '../services/Visibility';
import { registerContractActions } from './contractActions';
import { registerDomainActions } from './domainActions';

/**
 * Registers the questions tools and AI agents ask Domain Atlas as Backstage
 * actions (served over MCP by the mcp-actions backend where installed).
 * Every action answers from the report as the caller may see it, and none
 * changes anything.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  /** The report as each caller may see it: actions follow catalog permissions. */
  reports: Pick<VisibleReports, 'forCaller'>;
  contracts: Pick<ContractService, 'check' | 'find'>;
}) {
  registerDomainActions(options);
  registerContractActions(options);
}
