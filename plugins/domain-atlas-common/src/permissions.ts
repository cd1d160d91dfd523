import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading anything Domain Atlas computed: the report, domains, teams,
 * findings, migration, isolation and contracts.
 *
 * @public
 */
export const domainAtlasReportReadPermission = createPermission({
  name: 'domain-atlas.report.read',
  attributes: { action: 'read' },
});

/**
 * Asking the backend to re-read the catalog and recompute the report now.
 *
 * @public
 */
export const domainAtlasRefreshPermission = createPermission({
  name: 'domain-atlas.refresh',
  attributes: { action: 'update' },
});

/**
 * Every permission of Domain Atlas.
 *
 * @public
 */
export const domainAtlasPermissions = [
  domainAtlasReportReadPermission,
  domainAtlasRefreshPermission,
];
