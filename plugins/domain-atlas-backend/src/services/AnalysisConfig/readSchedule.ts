import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { CronTime } from 'cron';
import { closestKey } from './closestKey';
import { ConfigBlock, configError } from './configError';

type Duration = ReturnType<typeof readDurationFromConfig>;
type JsonValue = ReturnType<ConfigBlock['get']>;

const SCHEDULE_KEY = 'domainAtlas.schedule';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

// The units of Backstage's HumanDuration, in the order it lists them.
const UNITS: Array<keyof Duration> = [
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
];

const CRON_EXAMPLE = "{ cron: '*/5 * * * *' } (every 5 minutes)";

const EXPECTED: Record<'frequency' | 'timeout' | 'initialDelay', string> = {
  frequency: `a positive duration such as { minutes: 30 }, '30m' or 'PT30M', a cron schedule such as ${CRON_EXAMPLE}, or { trigger: manual }`,
  timeout: "a positive duration such as { minutes: 10 }, '10m' or 'PT10M'",
  initialDelay:
    "a duration such as { seconds: 15 }, '15s' or 'PT15S', or { seconds: 0 } to start at once",
};

type DurationKey = keyof typeof EXPECTED;

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as one would write it in app-config, e.g. `{ minutes: -5 }`. */
function show(value: JsonValue): string {
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).map(
      ([key, inner]) => `${key}: ${show(inner)}`,
    );
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

function cronProblem(expression: string): string | undefined {
  try {
    // The scheduler validates and runs cron schedules with this class.
    // eslint-disable-next-line no-new
    new CronTime(expression);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Fails on keys of an object value other than the allowed ones. */
function onlyKeys(
  value: Record<string, JsonValue>,
  allowed: string[],
  key: string,
  expected: string,
): void {
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) {
      const closest = closestKey(name, allowed);
      throw configError(
        `${key}.${name}`,
        closest
          ? `unknown key; did you mean ${key}.${closest}?`
          : `unknown key; expected ${expected}`,
      );
    }
  }
}

/** Why Backstage did not read a text as a duration, in short. */
function whyNotADuration(text: string): string {
  if (/^\s*-/.test(text)) {
    return 'is negative';
  }
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) {
    return 'has no unit';
  }
  return 'is not a duration';
}

function readDuration(
  schedule: ConfigBlock,
  name: DurationKey,
  value: JsonValue,
): Duration {
  const key = `${SCHEDULE_KEY}.${name}`;
  const expected = EXPECTED[name];
  let duration: Duration;
  if (typeof value === 'string') {
    try {
      // Backstage's own reading of '30m', '1 hour' and 'PT30M'.
      duration = readDurationFromConfig(schedule, { key: name });
    } catch {
      if (name === 'frequency' && /\s/.test(value) && !cronProblem(value)) {
        throw configError(
          key,
          `${show(
            value,
          )} is a cron expression, which goes under cron: { cron: ${show(
            value,
          )} }`,
        );
      }
      throw configError(
        key,
        `${show(value)} ${whyNotADuration(value)}; expected ${expected}`,
      );
    }
  } else if (isObject(value)) {
    onlyKeys(value, UNITS, key, expected);
    duration = {};
    for (const unit of UNITS) {
      const amount = value[unit];
      if (typeof amount === 'number') {
        duration[unit] = amount;
      } else if (amount !== undefined) {
        throw configError(
          `${key}.${unit}`,
          `${show(amount)} is not a number; expected ${expected}`,
        );
      }
    }
    if (Object.keys(value).length === 0) {
      throw configError(key, `{} is empty; expected ${expected}`);
    }
  } else {
    throw configError(
      key,
      `${show(value)} is not a duration; expected ${expected}`,
    );
  }
  const amounts = Object.values(duration).filter(
    (amount): amount is number => amount !== undefined,
  );
  if (amounts.some(amount => amount < 0 || !Number.isFinite(amount))) {
    throw configError(key, `${show(value)} is negative; expected ${expected}`);
  }
  // A zero initial delay starts the first run at once; a zero frequency or
  // timeout is a mistake.
  if (name !== 'initialDelay' && !amounts.some(amount => amount > 0)) {
    throw configError(key, `${show(value)} is zero; expected ${expected}`);
  }
  return duration;
}

function readFrequency(
  schedule: ConfigBlock,
): SchedulerServiceTaskScheduleDefinition['frequency'] {
  const key = `${SCHEDULE_KEY}.frequency`;
  const value = schedule.getOptional('frequency');
  if (value === undefined) {
    throw configError(key, `missing; expected ${EXPECTED.frequency}`);
  }
  if (isObject(value) && 'cron' in value) {
    onlyKeys(value, ['cron'], key, CRON_EXAMPLE);
    const { cron } = value;
    const problem =
      typeof cron === 'string' ? cronProblem(cron) : 'not a string';
    if (typeof cron !== 'string' || problem) {
      throw configError(
        `${key}.cron`,
        `${show(
          cron,
        )} is not a cron expression (${problem}); expected five fields (minute, hour, day of month, month, day of week), optionally after a seconds field, e.g. ${CRON_EXAMPLE}`,
      );
    }
    return { cron };
  }
  if (isObject(value) && 'trigger' in value) {
    onlyKeys(value, ['trigger'], key, '{ trigger: manual }');
    if (value.trigger !== 'manual') {
      throw configError(
        `${key}.trigger`,
        `${show(
          value.trigger,
        )} is not a trigger; the only one is manual, as in { trigger: manual }`,
      );
    }
    return { trigger: 'manual' };
  }
  return readDuration(schedule, 'frequency', value);
}

/**
 * Reads `domainAtlas.schedule` as Backstage's scheduler reads a schedule
 * (`readSchedulerServiceTaskScheduleDefinitionFromConfig`), but fails on a
 * zero or negative duration, an invalid cron expression or an unknown key
 * inside a value, naming the full key and what it expects. Without a
 * schedule block the refresh runs every 30 minutes.
 */
export function readSchedule(
  schedule: ConfigBlock | undefined,
): SchedulerServiceTaskScheduleDefinition {
  if (!schedule) {
    return DEFAULT_SCHEDULE;
  }
  const frequency = readFrequency(schedule);
  const timeout = schedule.getOptional('timeout');
  if (timeout === undefined) {
    throw configError(
      `${SCHEDULE_KEY}.timeout`,
      `missing; expected ${EXPECTED.timeout}`,
    );
  }
  const initialDelay = schedule.getOptional('initialDelay');
  const scope = schedule.getOptionalString('scope');
  if (scope !== undefined && scope !== 'global' && scope !== 'local') {
    throw configError(
      `${SCHEDULE_KEY}.scope`,
      `'${scope}' is not a scope; expected global (one backend instance at a time, the default) or local`,
    );
  }
  return {
    frequency,
    timeout: readDuration(schedule, 'timeout', timeout),
    ...(initialDelay !== undefined && {
      initialDelay: readDuration(schedule, 'initialDelay', initialDelay),
    }),
    ...(scope && { scope }),
  };
}
