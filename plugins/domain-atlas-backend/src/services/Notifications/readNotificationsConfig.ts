import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  NotificationSeverity,
  notificationSeverities,
} from '@backstage/plugin-notifications-common';
import { configError } from '../AnalysisConfig/configError';
import { ReportChange } from './reportChanges';

/** What one kind of change sends. */
export interface EventConfig {
  enabled: boolean;
  severity: NotificationSeverity;
}

/** `domainAtlas.notifications` of app-config, read and checked. */
export interface NotificationsConfig {
  enabled: boolean;
  /** Notifications less severe than this are not sent. */
  minimumSeverity: NotificationSeverity;
  events: Record<ReportChange['kind'], EventConfig>;
  /** How many days before its last day a waiver is announced. */
  waiverDays: number;
}

/** Most severe first. */
const SEVERITIES = notificationSeverities;

/** Whether `severity` is at least as severe as `minimum`. */
export function isAtLeast(
  severity: NotificationSeverity,
  minimum: NotificationSeverity,
): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(minimum);
}

/** The config key of each kind of change, and what it sends by default. */
const EVENTS: Record<
  ReportChange['kind'],
  { key: string; severity: NotificationSeverity }
> = {
  'new-error': { key: 'newErrors', severity: 'high' },
  'breaking-change': { key: 'breakingChanges', severity: 'critical' },
  'overdue-target': { key: 'overdueTargets', severity: 'normal' },
  'expiring-waiver': { key: 'expiringWaivers', severity: 'low' },
};

const DEFAULT_WAIVER_DAYS = 14;
const MAX_WAIVER_DAYS = 365;

const KEY = 'domainAtlas.notifications';

function readBoolean(
  config: RootConfigService,
  key: string,
  fallback: boolean,
): boolean {
  const value = config.getOptional(key);
  if (value === undefined) {
    return fallback;
  }
  // Environment variables substitute text.
  if (value === true || value === 'true') {
    return true;
  }
  if (value === false || value === 'false') {
    return false;
  }
  throw configError(key, `${JSON.stringify(value)} is not true or false`);
}

function readSeverity(
  config: RootConfigService,
  key: string,
  fallback: NotificationSeverity,
): NotificationSeverity {
  const value = config.getOptional(key);
  if (value === undefined) {
    return fallback;
  }
  if (!SEVERITIES.includes(value as NotificationSeverity)) {
    throw configError(
      key,
      `${JSON.stringify(value)} is not one of ${SEVERITIES.join(', ')}`,
    );
  }
  return value as NotificationSeverity;
}

function readDays(config: RootConfigService, key: string): number {
  const value = config.getOptional(key);
  if (value === undefined) {
    return DEFAULT_WAIVER_DAYS;
  }
  const days = typeof value === 'string' ? Number(value) : value;
  if (
    typeof days !== 'number' ||
    !Number.isInteger(days) ||
    days < 0 ||
    days > MAX_WAIVER_DAYS
  ) {
    throw configError(
      key,
      `${JSON.stringify(
        value,
      )} is not a whole number of days from 0 to ${MAX_WAIVER_DAYS}`,
    );
  }
  return days;
}

/**
 * Reads and checks `domainAtlas.notifications`, failing at start-up with
 * the full key of a bad value. Every key is optional: by default every
 * change is sent, expiring waivers 14 days ahead.
 */
export function readNotificationsConfig(
  config: RootConfigService,
): NotificationsConfig {
  const events = {} as NotificationsConfig['events'];
  for (const [kind, event] of Object.entries(EVENTS)) {
    events[kind as ReportChange['kind']] = {
      enabled: readBoolean(config, `${KEY}.${event.key}.enabled`, true),
      severity: readSeverity(
        config,
        `${KEY}.${event.key}.severity`,
        event.severity,
      ),
    };
  }
  return {
    enabled: readBoolean(config, `${KEY}.enabled`, true),
    minimumSeverity: readSeverity(config, `${KEY}.minimumSeverity`, 'low'),
    events,
    waiverDays: readDays(config, `${KEY}.expiringWaivers.days`),
  };
}
