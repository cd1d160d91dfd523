import {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
  stringifyError,
} from '@backstage/errors';
import {
  domainAtlasRefreshPermission,
  domainAtlasReportReadPermission,
} from '@domain-atlas/plugin-domain-atlas-common';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import express, { ErrorRequestHandler, Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  DomainAtlasStore,
  isDatabaseError,
  isDatabaseUnavailableError,
} from './database';
import {
  ContractChecksBusyError,
  ContractService,
} from './services/ContractService';
import { RefreshFailedError, RefreshService } from './services/RefreshService';
import {
  domainDetail,
  domainListItem,
  entityFindings,
  filterFindings,
  isolationView,
  migrationView,
  teamDetail,
  teamsView,
} from './services/ReportQueries';
import {
  ReportService,
  retryAfterOf,
  unavailable,
} from './services/ReportService';
import { VisibleReports } from './services/Visibility';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Retry-After of a 503 from a busy or unreachable database. */
const DATABASE_RETRY_AFTER_SECONDS = 5;
/** Retry-After of any other 503, e.g. a failed refresh. */
const RETRY_AFTER_SECONDS = 60;

/** Path segments of an entity ref: letters, digits and `-_.`, as the catalog allows. */
const refPart = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a catalog name or namespace');

const findingsQuery = z
  .object({
    domain: z.string().min(1).optional(),
    rule: z.string().min(1).optional(),
    severity: z.enum(['error', 'warning', 'info']).optional(),
    waived: z.enum(['true', 'false']).optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

const checkBody = z
  .object({
    definition: z.union([
      z.string().min(1, 'must not be empty'),
      z.record(z.string(), z.unknown()),
    ]),
  })
  .strict();

const historyQuery = z
  .object({ days: z.coerce.number().int().min(1).max(3660).default(365) })
  .strict();

function parse<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues
      .map(issue => `${issue.path.join('.') || what}: ${issue.message}`)
      .join('; ');
    throw new InputError(`Invalid ${what}: ${problems}`);
  }
  return result.data;
}

function ref(kind: string, params: Record<string, string>): string {
  const namespace = parse(refPart, params.namespace, 'namespace');
  const name = parse(refPart, params.name, 'name');
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}

/**
 * The HTTP API under `/api/domain-atlas`: validate input, check permission,
 * ask a service, shape the output.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  permissions: PermissionsService;
  store: DomainAtlasStore;
  reports: ReportService;
  visible: VisibleReports;
  refresher: RefreshService;
  contracts: ContractService;
}): Promise<express.Router> {
  const {
    httpAuth,
    logger,
    permissions,
    store,
    reports,
    visible,
    refresher,
    contracts,
  } = options;
  const router = Router();
  // Room for a candidate API definition of up to 1 MiB, JSON-escaped.
  router.use(express.json({ limit: '4mb' }));

  async function authorize(
    req: Request,
    permission: BasicPermission,
  ): Promise<BackstageCredentials> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  }

  const read = (req: Request) =>
    authorize(req, domainAtlasReportReadPermission);

  /** The newest report as the caller may see it under catalog permissions. */
  const visibleReport = async (req: Request) =>
    visible.forCaller(await read(req));

  router.get('/report', async (req, res) => {
    const { snapshot, report } = await visibleReport(req);
    res.json({ status: await reports.getStatus(snapshot), report });
  });

  router.get('/status', async (req, res) => {
    await read(req);
    const snapshot = await reports.getSnapshot();
    res.json(await reports.getStatus(snapshot));
  });

  router.get('/domains', async (req, res) => {
    const { report } = await visibleReport(req);
    res.json({ items: report.domains.map(domainListItem) });
  });

  router.get('/domains/:namespace/:name', async (req, res) => {
    const { report } = await visibleReport(req);
    const domainRef = ref('domain', req.params);
    const { days } = parse(historyQuery, req.query, 'query');
    const history = await store.getHistory({
      since: new Date(Date.now() - days * DAY_MS),
      domainRef,
    });
    res.json(domainDetail(report, domainRef, history));
  });

  router.get('/teams', async (req, res) => {
    const { report } = await visibleReport(req);
    res.json(teamsView(report));
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    const { report } = await visibleReport(req);
    const teamRef = ref('group', req.params);
    res.json(teamDetail(report, teamRef));
  });

  router.get('/findings', async (req, res) => {
    const { report } = await visibleReport(req);
    const query = parse(findingsQuery, req.query, 'query');
    const matching = filterFindings(report.findings, {
      domain: query.domain?.toLocaleLowerCase('en-US'),
      rule: query.rule,
      severity: query.severity,
      waived: query.waived === undefined ? undefined : query.waived === 'true',
    });
    res.json({
      items: matching.slice(query.offset, query.offset + query.limit),
      totalCount: matching.length,
      offset: query.offset,
      limit: query.limit,
    });
  });

  router.get('/rules', async (req, res) => {
    const { report } = await visibleReport(req);
    res.json({ items: report.rules });
  });

  router.get('/waivers', async (req, res) => {
    const { report } = await visibleReport(req);
    res.json({ items: report.waivers });
  });

  router.get('/migration', async (req, res) => {
    const { report, canSee } = await visibleReport(req);
    const { days } = parse(historyQuery, req.query, 'query');
    const history = await store.getHistory({
      since: new Date(Date.now() - days * DAY_MS),
    });
    res.json(
      migrationView(
        report,
        history.filter(row => canSee(row.domainRef)),
      ),
    );
  });

  router.get('/isolation', async (req, res) => {
    const { report } = await visibleReport(req);
    res.json(isolationView(report));
  });

  router.get('/entities/:kind/:namespace/:name/findings', async (req, res) => {
    const { report } = await visibleReport(req);
    const kind = parse(refPart, req.params.kind, 'kind');
    res.json(entityFindings(report, ref(kind, req.params)));
  });

  router.get('/contracts', async (req, res) => {
    const { report } = await visibleReport(req);
    res.json({ items: await contracts.list(report) });
  });

  router.get('/contracts/:namespace/:name', async (req, res) => {
    const { report } = await visibleReport(req);
    res.json(await contracts.detail(report, ref('api', req.params)));
  });

  router.post('/contracts/:namespace/:name/check', async (req, res) => {
    const { report } = await visibleReport(req);
    const apiRef = ref('api', req.params);
    const { definition } = parse(checkBody, req.body, 'body');
    const result = await contracts
      .check(report, apiRef, definition)
      .catch(error => {
        if (error instanceof ContractChecksBusyError) {
          res.set('Retry-After', String(error.retryAfterSeconds));
        }
        throw error;
      });
    res.json(result);
  });

  router.post('/refresh', async (req, res) => {
    await authorize(req, domainAtlasRefreshPermission);
    const result = await refresher.refresh().catch(error => {
      if (!(error instanceof RefreshFailedError)) {
        throw error;
      }
      throw new ServiceUnavailableError(
        `Refresh failed, the last good snapshot stays in use: ${error.message}`,
      );
    });
    // A held read answers 200 too, with status 'held' and the reason.
    res.json({
      ...result,
      createdAt: result.createdAt.toISOString(),
    });
  });

  // Database errors carry SQL text and hosts: the log gets them, the
  // caller a plain message (503 with Retry-After when the database is busy
  // or unreachable). Backstage's error middleware answers from there.
  const plainErrors: ErrorRequestHandler = (error, _req, res, next) => {
    let answer: unknown = error;
    if (isDatabaseUnavailableError(error)) {
      logger.warn(
        `Domain Atlas database busy or unreachable: ${stringifyError(error)}`,
      );
      answer = unavailable(
        'The Domain Atlas database is busy or unreachable; try again shortly',
        DATABASE_RETRY_AFTER_SECONDS,
      );
    } else if (isDatabaseError(error)) {
      logger.error(`Domain Atlas database error: ${stringifyError(error)}`);
      answer = new Error(
        'Domain Atlas could not use its database; the details are in the backend log',
      );
    }
    if (
      ServiceUnavailableError.is(answer) &&
      !res.headersSent &&
      !res.get('Retry-After')
    ) {
      res.set(
        'Retry-After',
        String(retryAfterOf(answer) ?? RETRY_AFTER_SECONDS),
      );
    }
    next(answer);
  };
  router.use(plainErrors);

  return router;
}
