import { createHash } from 'node:crypto';
import {
  NotificationPayload,
  NotificationSeverity,
} from '@backstage/plugin-notifications-common';
import { DomainSummary } from '@domain-atlas/plugin-domain-atlas-common';
import { isAtLeast, NotificationsConfig } from './readNotificationsConfig';
import { recipientsOf } from './recipients';
import {
  BreakingChange,
  ExpiringWaiver,
  NewError,
  OverdueTarget,
  ReportChange,
} from './reportChanges';

/** The topic of every Domain Atlas notification. */
export const NOTIFICATION_TOPIC = 'domain-atlas';

/**
 * More new errors than this in one domain at one refresh (a rule switched
 * on, say) make one notification that counts them, not one each.
 */
export const MAX_SEPARATE_ERRORS = 3;

/** The notifications backend keeps scopes of up to 255 characters. */
const MAX_SCOPE_LENGTH = 255;

/** A notification to send, and to whom. */
export interface AtlasNotification {
  /** Entity refs of the owners to tell; the notifications backend resolves groups to members. */
  recipients: string[];
  payload: NotificationPayload & {
    scope: string;
    severity: NotificationSeverity;
    topic: string;
    link: string;
  };
}

/**
 * A scope that names one subject: the next notification of the subject
 * updates the one before instead of adding another. A subject too long
 * for the notifications backend is named by its hash.
 */
export function scopeOf(kind: string, subject: string): string {
  const scope = `domain-atlas:${kind}:${subject}`;
  return scope.length <= MAX_SCOPE_LENGTH
    ? scope
    : `domain-atlas:${kind}:sha256:${createHash('sha256')
        .update(subject)
        .digest('hex')}`;
}

/** `kind:namespace/name` → the entity page, `/catalog/namespace/kind/name`. */
function entityPath(ref: string): string {
  const [, kind, namespace, name] = /^([^:]+):([^/]+)\/(.+)$/.exec(ref) ?? [];
  return kind
    ? `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
        kind,
      )}/${encodeURIComponent(name)}`
    : '/domain-atlas';
}

/** The Domain Atlas tab of a domain's page. */
const domainTab = (domain: DomainSummary) =>
  `${entityPath(domain.ref)}/domain-atlas`;

const nameOf = (ref: string) => ref.slice(ref.indexOf('/') + 1);

const plural = (count: number, noun: string) =>
  `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The first few of a list, and how many more. */
function firstFew(items: string[], shown = 5): string {
  const more = items.length - shown;
  return `${items.slice(0, shown).join(', ')}${
    more > 0 ? ` and ${more} more` : ''
  }`;
}

type Content = Omit<AtlasNotification['payload'], 'severity' | 'topic'>;

function newError({ domain, finding }: NewError): Content {
  return {
    title: `New error in ${domain.title}: ${finding.rule}`,
    description: finding.message,
    link: domainTab(domain),
    scope: scopeOf('finding', finding.id),
  };
}

function newErrors(domain: DomainSummary, errors: NewError[]): Content {
  const shown = errors
    .slice(0, MAX_SEPARATE_ERRORS)
    .map(({ finding }) => `${finding.rule}: ${finding.message}`);
  const more = errors.length - shown.length;
  return {
    title: `${errors.length} new errors in ${domain.title}`,
    description: `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    link: domainTab(domain),
    scope: scopeOf('new-errors', domain.ref),
  };
}

function breakingChange({ finding, api, consumers }: BreakingChange): Content {
  const breaks =
    consumers.length === 0
      ? 'No consumer is known.'
      : `${plural(consumers.length, 'consumer')} will break: ${firstFew(
          consumers.map(nameOf),
        )}.`;
  return {
    title: `Breaking change of ${nameOf(api)} without a new major version`,
    description: `${finding.message}. ${breaks}`,
    link: entityPath(api),
    scope: scopeOf('finding', finding.id),
  };
}

function overdueTarget({ domain }: OverdueTarget): Content {
  const { target, targetDate, evidence } = domain.phase;
  return {
    title: `${domain.title} missed its target: phase ${target} by ${targetDate}`,
    description: `The target date ${targetDate} has passed and the evidence shows phase ${evidence} of the targeted ${target}. Set a new target date or fix the failing criteria.`,
    link: domainTab(domain),
    scope: scopeOf('overdue', domain.ref),
  };
}

function expiringWaiver({ waiver }: ExpiringWaiver): Content {
  let ends = `in ${waiver.daysLeft} days`;
  if (waiver.daysLeft === 0) {
    ends = 'today';
  } else if (waiver.daysLeft === 1) {
    ends = 'tomorrow';
  }
  return {
    title: `Waiver of ${waiver.rule} on ${nameOf(waiver.entity)} ends ${ends}`,
    description: `The exemption "${waiver.reason}" waives until ${
      waiver.until
    }; then ${plural(
      waiver.findings.length,
      'finding',
    )} it waives count again. Fix them, or renew the exemption in domain-atlas.io/exemptions.`,
    link: entityPath(waiver.entity),
    scope: scopeOf('waiver', `${waiver.entity}:${waiver.rule}`),
  };
}

function contentOf(change: Exclude<ReportChange, NewError>): Content {
  switch (change.kind) {
    case 'breaking-change':
      return breakingChange(change);
    case 'overdue-target':
      return overdueTarget(change);
    default:
      return expiringWaiver(change);
  }
}

/**
 * The notifications that the changes of one refresh make, as configured:
 * one per change, except that more than {@link MAX_SEPARATE_ERRORS} new
 * errors in one domain make one. Changes switched off, less severe than
 * the configured minimum, or with nobody to tell make none.
 */
export function composeNotifications(
  changes: ReadonlyArray<ReportChange>,
  options: {
    owners: ReadonlyMap<string, string>;
    config: NotificationsConfig;
  },
): AtlasNotification[] {
  const { config, owners } = options;
  const notifications: AtlasNotification[] = [];
  const add = (
    kind: ReportChange['kind'],
    recipients: string[],
    content: Content,
  ) => {
    const event = config.events[kind];
    if (
      event.enabled &&
      isAtLeast(event.severity, config.minimumSeverity) &&
      recipients.length > 0
    ) {
      notifications.push({
        recipients,
        payload: {
          ...content,
          severity: event.severity,
          topic: NOTIFICATION_TOPIC,
        },
      });
    }
  };

  const errorsByDomain = new Map<string, NewError[]>();
  for (const change of changes) {
    if (change.kind === 'new-error') {
      const errors = errorsByDomain.get(change.domain.ref) ?? [];
      errors.push(change);
      errorsByDomain.set(change.domain.ref, errors);
    } else {
      add(change.kind, recipientsOf(change, owners), contentOf(change));
    }
  }
  for (const errors of errorsByDomain.values()) {
    const recipients = recipientsOf(errors[0], owners);
    if (errors.length > MAX_SEPARATE_ERRORS) {
      add('new-error', recipients, newErrors(errors[0].domain, errors));
    } else {
      for (const error of errors) {
        add('new-error', recipients, newError(error));
      }
    }
  }
  return notifications;
}
