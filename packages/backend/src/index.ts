/*
 * The demo backend: the software catalog plus the Domain Atlas backend, the
 * way an adopter installs it into their own Backstage backend.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: everyone is a guest in the demo.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// The software catalog that Domain Atlas reads.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Permissions: the demo's policy allows everything unless
// demo.hideRestrictedEntities is on (see modules/demoPermissionPolicy.ts);
// Domain Atlas follows the catalog's read permission either way.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/demoPermissionPolicy'));

// Search (the embedded engine) over the catalog, and notifications with
// the signals that push them to the bell: the slots of create-app's
// default app.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@domain-atlas/plugin-search-backend-module-domain-atlas'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Domain Atlas, with an example rule module (production services have a
// runbook or on-call link): how an adopter adds rules of their own.
backend.add(import('@domain-atlas/plugin-domain-atlas-backend'));
backend.add(import('@domain-atlas/plugin-domain-atlas-backend-module-runbook'));

// AI agents: the actions of the plugins in backend.actions.pluginSources
// (Domain Atlas's) as MCP tools at /api/mcp-actions/v1 (README → MCP).
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
