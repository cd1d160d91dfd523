import {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  ServiceUnavailableError,
  stringifyError,
} from '@backstage/errors';
import {
  DomainAtlasReport,
  domainAtlasRefreshPermission,
  domainAtlasReportReadPermission,
} from '@domain-atlas/plugin-domain-atlas-common';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import express, { ErrorRequestHandler, Request, Response } from 'express';
import Router from 'express-promise-router';
import {
  DomainAtlasStore,
  isDatabaseError,
  isDatabaseUnavailableError,
} from './database';
import {
  checkBody,
  findingsQuery,
  historyQuery,
  historySince,
  parse,
  ref,
  refPart,
  REPORT_SECTIONS,
  reportQuery,
} from './routeInput';
import {
  ContractChecksBusyError,
  ContractService,
} from './services/ContractService';
import { streamJson } from './services/JsonStream';
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
import { ResponseCache, sendCachedJson } from './services/ResponseCache';
import { VisibleReport, VisibleReports } from './services/Visibility';

/** Retry-After of a 503 from a busy or unreachable database. */
const DATABASE_RETRY_AFTER_SECONDS = 5;
/** Retry-After of any other 503, e.g. a failed refresh. */
const RETRY_AFTER_SECONDS = 60;

/** The report with its scalar fields and only the lists in `sections`. */
function pickSections(
  report: DomainAtlasReport,
  sections: readonly string[],
): Partial<DomainAtlasReport> {
  const lists: readonly string[] = REPORT_SECTIONS;
  return Object.fromEntries(
    Object.entries(report).filter(
      ([field]) => !lists.includes(field) || sections.includes(field),
    ),
  );
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
  const responses = new ResponseCache();
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

  /**
   * Answers with the JSON of `produce()` through the response cache, with
   * an `ETag` (a matching `If-None-Match` gets a 304). Called after the
   * permission check, with what the caller may see: `route` names all the
   * body depends on besides the snapshot and the caller's visibility.
   */
  const cachedJson = (
    req: Request,
    res: Response,
    { snapshot, report }: VisibleReport,
    route: string,
    produce: () => unknown,
  ) =>
    sendCachedJson(req, res, {
      cache: responses,
      snapshotId: snapshot.id,
      audience: report,
      route,
      produce,
    });

  /**
   * History rows at or after `since` (of one domain), up to the served
   * snapshot: a newer one's rows (stored since the snapshot was read, or
   * of a newer snapshot that is unreadable) would not match the report.
   *
   * This is what makes responses with history sound to cache per
   * snapshot: a snapshot's rows are stored in the same transaction as the
   * snapshot, so the rows up to the served one do not change while it is
   * served. (Pruning deletes rows past the retention only, right after a
   * refresh stored a newer snapshot: a body cached in between may show
   * such rows until the next day or snapshot.) That leaves the clock:
   * `since` moves once a day (see `historySince`) and is part of the key.
   */
  const historyOf = async (
    { snapshot }: VisibleReport,
    query: { since: Date; domainRef?: string },
  ) =>
    (await store.getHistory(query)).filter(
      row => row.snapshotId <= snapshot.id,
    );

  // Streamed, as a large report is tens of MB: no single JSON.stringify
  // of it, nor one buffer of it.
  router.get('/report', async (req, res) => {
    const { snapshot, report } = await visibleReport(req);
    const { sections } = parse(reportQuery, req.query, 'query');
    const status = await reports.getStatus(snapshot);
    res.status(200).set('Content-Type', 'application/json; charset=utf-8');
    await streamJson(res, {
      status,
      report: sections ? pickSections(report, sections) : report,
    });
  });

  router.get('/status', async (req, res) => {
    await read(req);
    const snapshot = await reports.getSnapshot();
    res.json(await reports.getStatus(snapshot));
  });

  router.get('/domains', async (req, res) => {
    const caller = await visibleReport(req);
    await cachedJson(req, res, caller, 'domains', () => ({
      items: caller.report.domains.map(domainListItem),
    }));
  });

  router.get('/domains/:namespace/:name', async (req, res) => {
    const caller = await visibleReport(req);
    const domainRef = ref('domain', req.params);
    const { days } = parse(historyQuery, req.query, 'query');
    const since = historySince(days);
    await cachedJson(
      req,
      res,
      caller,
      `domain ${domainRef} since ${since.toISOString()}`,
      async () =>
        domainDetail(
          caller.report,
          domainRef,
          await historyOf(caller, { since, domainRef }),
        ),
    );
  });

  router.get('/teams', async (req, res) => {
    const caller = await visibleReport(req);
    await cachedJson(req, res, caller, 'teams', () => teamsView(caller.report));
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    const caller = await visibleReport(req);
    const teamRef = ref('group', req.params);
    await cachedJson(req, res, caller, `team ${teamRef}`, () =>
      teamDetail(caller.report, teamRef),
    );
  });

  router.get('/findings', async (req, res) => {
    const caller = await visibleReport(req);
    const query = parse(findingsQuery, req.query, 'query');
    const filter = {
      domain: query.domain?.toLocaleLowerCase('en-US'),
      rule: query.rule,
      severity: query.severity,
      waived: query.waived === undefined ? undefined : query.waived === 'true',
    };
    const { offset, limit } = query;
    await cachedJson(
      req,
      res,
      caller,
      `findings ${JSON.stringify({ ...filter, offset, limit })}`,
      () => {
        const matching = filterFindings(caller.report.findings, filter);
        return {
          items: matching.slice(offset, offset + limit),
          totalCount: matching.length,
          offset,
          limit,
        };
      },
    );
  });

  router.get('/rules', async (req, res) => {
    const caller = await visibleReport(req);
    await cachedJson(req, res, caller, 'rules', () => ({
      items: caller.report.rules,
    }));
  });

  router.get('/waivers', async (req, res) => {
    const caller = await visibleReport(req);
    await cachedJson(req, res, caller, 'waivers', () => ({
      items: caller.report.waivers,
    }));
  });

  router.get('/migration', async (req, res) => {
    const caller = await visibleReport(req);
    const { days } = parse(historyQuery, req.query, 'query');
    const since = historySince(days);
    await cachedJson(
      req,
      res,
      caller,
      `migration since ${since.toISOString()}`,
      async () =>
        migrationView(
          caller.report,
          (
            await historyOf(caller, { since })
          ).filter(row => caller.canSee(row.domainRef)),
        ),
    );
  });

  router.get('/isolation', async (req, res) => {
    const caller = await visibleReport(req);
    await cachedJson(req, res, caller, 'isolation', () =>
      isolationView(caller.report),
    );
  });

  router.get('/entities/:kind/:namespace/:name/findings', async (req, res) => {
    const caller = await visibleReport(req);
    const kind = parse(refPart, req.params.kind, 'kind');
    const entityRef = ref(kind, req.params);
    await cachedJson(req, res, caller, `entity ${entityRef}`, () =>
      entityFindings(caller.report, entityRef),
    );
  });

  router.get('/contracts', async (req, res) => {
    const caller = await visibleReport(req);
    // Each contract's latest change comes from the recorded definitions,
    // which a refresh records before it stores its snapshot. One that
    // failed after recording them stores no snapshot but a refresh
    // record: that keys the list too. (While a refresh runs, the list
    // made before it stays served until its snapshot is stored.)
    const lastRefresh = await store.getLastRefresh();
    await cachedJson(
      req,
      res,
      caller,
      `contracts after ${lastRefresh?.finishedAt.toISOString() ?? 'none'}`,
      async () => ({ items: await contracts.list(caller.report) }),
    );
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
