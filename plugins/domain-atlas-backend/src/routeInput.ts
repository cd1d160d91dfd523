/*
 * The input of the HTTP API: path segments, queries and bodies, validated
 * with zod into what the routes work with.
 */
import { InputError } from '@backstage/errors';
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Path segments of an entity ref: letters, digits and `-_.`, as the catalog allows. */
export const refPart = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a catalog name or namespace');

export const findingsQuery = z
  .object({
    domain: z.string().min(1).optional(),
    rule: z.string().min(1).optional(),
    severity: z.enum(['error', 'warning', 'info']).optional(),
    waived: z.enum(['true', 'false']).optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export const checkBody = z
  .object({
    definition: z.union([
      z.string().min(1, 'must not be empty'),
      z.record(z.string(), z.unknown()),
    ]),
  })
  .strict();

export const historyQuery = z
  .object({ days: z.coerce.number().int().min(1).max(3660).default(365) })
  .strict();

/** The report's lists, which `GET /report?sections=` picks from. */
export const REPORT_SECTIONS = [
  'domains',
  'unassigned',
  'findings',
  'dependencies',
  'isolation',
  'blastRadius',
  'teams',
  'repositories',
  'contracts',
  'rules',
  'waivers',
] as const;

export const reportQuery = z
  .object({
    sections: z
      .string()
      .transform(list =>
        list
          .split(',')
          .map(section => section.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(REPORT_SECTIONS)).min(1))
      .optional(),
  })
  .strict();

/** `input` as `schema` reads it, or an InputError naming every problem. */
export function parse<T extends z.ZodTypeAny>(
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

/** The lowercase ref of the `kind` entity the path's namespace and name name. */
export function ref(kind: string, params: Record<string, string>): string {
  const namespace = parse(refPart, params.namespace, 'namespace');
  const name = parse(refPart, params.name, 'name');
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}

/**
 * Where a history window of `days` days starts: at midnight UTC, `days`
 * days before today's. A window measured from midnight moves once a day,
 * not with every request, so that responses with history can be cached
 * (see the router's `historyOf`).
 */
export function historySince(days: number, now = Date.now()): Date {
  return new Date((Math.floor(now / DAY_MS) - days) * DAY_MS);
}
