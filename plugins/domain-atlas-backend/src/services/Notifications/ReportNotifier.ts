import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import { DomainAtlasStore, NotificationScopeStore } from '../../database';
import { readStoredReport } from '../ReportService/readStoredReport';
import { catalogStillLoading } from './catalogStillLoading';
import {
  AtlasNotification,
  composeNotifications,
} from './composeNotifications';
import { NotificationsConfig } from './readNotificationsConfig';
import { reportChanges } from './reportChanges';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A subject notifies at most once in this long, however often it comes back. */
const REPEAT_AFTER_MS = DAY_MS;

/** Scopes last sent longer ago than this are forgotten. */
const FORGET_AFTER_MS = 30 * DAY_MS;

/** How long one send may take before the rest of the round is left. */
const DEFAULT_SEND_TIMEOUT_MS = 30_000;

/** A snapshot a refresh has just stored, with the catalog read it came from. */
export interface NewSnapshot {
  id: number;
  report: DomainAtlasReport;
  /** Each entity's owner in the catalog read: lowercase refs. */
  owners: ReadonlyMap<string, string>;
  /**
   * The report of the snapshot before, when it is in memory already;
   * without it, it is read from the store.
   */
  previous?: DomainAtlasReport;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Tells the owners who can act what got worse since the previous
 * snapshot, through Backstage's notification service. The first snapshot
 * is the baseline and tells nobody anything; each scope (one subject) is
 * sent at most once a day, on any instance. Never fails: what goes wrong
 * is logged, and a refresh never waits for more than one send timeout.
 */
export class ReportNotifier {
  private readonly notifications: NotificationService;
  private readonly store: Pick<DomainAtlasStore, 'getStoredSnapshot'>;
  private readonly scopes: NotificationScopeStore;
  private readonly logger: LoggerService;
  private readonly config: NotificationsConfig;
  private readonly now: () => Date;
  private readonly sendTimeoutMs: number;
  /** Whether the last send failed and was logged as a warning. */
  private failing = false;

  constructor(options: {
    notifications: NotificationService;
    store: Pick<DomainAtlasStore, 'getStoredSnapshot'>;
    scopes: NotificationScopeStore;
    logger: LoggerService;
    config: NotificationsConfig;
    now?: () => Date;
    sendTimeoutMs?: number;
  }) {
    this.notifications = options.notifications;
    this.store = options.store;
    this.scopes = options.scopes;
    this.logger = options.logger;
    this.config = options.config;
    this.now = options.now ?? (() => new Date());
    this.sendTimeoutMs = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  }

  /** Notifies of the changes from the snapshot before `snapshot` to it. */
  async notify(snapshot: NewSnapshot): Promise<void> {
    if (!this.config.enabled) {
      return;
    }
    try {
      const notifications = await this.compose(snapshot);
      if (notifications.length > 0) {
        await this.send(notifications);
      }
    } catch (error) {
      this.logger.warn(
        `Domain Atlas could not work out its notifications of snapshot ${
          snapshot.id
        }: ${stringifyError(error)}`,
      );
    }
  }

  /** The report before `snapshot`'s, or why there is none to compare. */
  private async previousOf(
    snapshot: NewSnapshot,
  ): Promise<{ report: DomainAtlasReport } | { problem: string } | undefined> {
    if (snapshot.previous) {
      return { report: snapshot.previous };
    }
    const stored = await this.store.getStoredSnapshot({ before: snapshot.id });
    return stored && readStoredReport(stored.reportParts);
  }

  private async compose(snapshot: NewSnapshot): Promise<AtlasNotification[]> {
    const previous = await this.previousOf(snapshot);
    if (!previous) {
      // Everything in the first report is news to nobody: it is the
      // baseline that later reports are compared with.
      this.logger.debug(
        'Domain Atlas sends no notifications for its first report',
      );
      return [];
    }
    if (!('report' in previous)) {
      this.logger.debug(
        `Domain Atlas sends no notifications of snapshot ${snapshot.id}: the one before is unreadable (${previous.problem})`,
      );
      return [];
    }
    if (catalogStillLoading(previous.report, snapshot.report)) {
      this.logger.info(
        `Domain Atlas sends no notifications of snapshot ${snapshot.id}: the catalog grew from ${previous.report.generatedFrom.entityCount} to ${snapshot.report.generatedFrom.entityCount} entities since the one before, so this one is the new baseline`,
      );
      return [];
    }
    const changes = reportChanges(previous.report, snapshot.report, {
      waiverDays: this.config.waiverDays,
    });
    return composeNotifications(changes, {
      owners: snapshot.owners,
      config: this.config,
    });
  }

  private async send(notifications: AtlasNotification[]): Promise<void> {
    const now = this.now();
    const since = new Date(now.getTime() - REPEAT_AFTER_MS);
    let sent = 0;
    let repeated = 0;
    for (const { recipients, payload } of notifications) {
      if (!(await this.scopes.claim(payload.scope, { now, since }))) {
        repeated += 1;
        continue;
      }
      try {
        await withTimeout(
          this.notifications.send({
            recipients: { type: 'entity', entityRef: recipients },
            payload,
          }),
          this.sendTimeoutMs,
        );
        sent += 1;
        this.failing = false;
      } catch (error) {
        await this.scopes.release(payload.scope, now);
        this.logFailure(error, notifications.length - sent - repeated);
        // The rest would most likely fail alike: left for good, as the
        // next refresh compares with this snapshot.
        break;
      }
    }
    await this.scopes.prune(new Date(now.getTime() - FORGET_AFTER_MS));
    const summary = `Domain Atlas sent ${sent} notifications; ${repeated} more were sent within the last day already`;
    if (sent > 0) {
      this.logger.info(summary);
    } else {
      this.logger.debug(summary);
    }
  }

  /** A warning when sending starts to fail, then quieter until it works again. */
  private logFailure(error: unknown, unsent: number): void {
    const message = `Domain Atlas could not send ${unsent} notifications: ${stringifyError(
      error,
    )}`;
    if (this.failing) {
      this.logger.debug(message);
      return;
    }
    this.failing = true;
    this.logger.warn(
      `${message}. Is the notifications backend (@backstage/plugin-notifications-backend) installed? Set domainAtlas.notifications.enabled to false to stop sending; further failures are logged at debug level until a send succeeds`,
    );
  }
}
