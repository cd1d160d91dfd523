import { ANNOTATIONS } from './model/annotations';
import { lower } from './model/refs';

/**
 * A source location normalised to its repository: lowercase host, org and
 * repo (`.git` stripped), plus the path inside the repository.
 *
 * @public
 */
export interface RepositoryLocation {
  /** `host/org/repo`. */
  id: string;
  host: string;
  /** Owner, group path (`group/subgroup`), Bitbucket project or Azure `org/project`. */
  org: string;
  repo: string;
  /** Path inside the repository, without leading or trailing slash ('' for the root). */
  path: string;
  /** A browsable URL of the repository. */
  url: string;
}

/** Annotations read after `backstage.io/source-location`, in order. */
const SLUG_ANNOTATIONS: ReadonlyArray<[string, string]> = [
  ['github.com/project-slug', 'github.com'],
  ['gitlab.com/project-slug', 'gitlab.com'],
  ['bitbucket.org/project-slug', 'bitbucket.org'],
  ['bitbucket.com/project-slug', 'bitbucket.org'],
];

/** scheme, host, path, query of an absolute URL (user info and port dropped). */
const URL_PARTS =
  /^(https?|ssh|git):\/\/(?:[^@/?#\s]*@)?([^/:?#\s]+)(?::\d*)?(\/[^?#\s]*)?(?:\?([^#\s]*))?(?:#.*)?$/i;
const EMPTY_QUERY = new URLSearchParams();

interface Parts {
  host: string;
  orgSegments: string[];
  repo: string;
  pathSegments: string[];
  urlPath?: string;
}

function decode(segment: string): string {
  if (!segment.includes('%')) {
    return segment;
  }
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function splitPath(text: string): string[] {
  return text
    .split('/')
    .filter(s => s !== '')
    .map(decode);
}

/** What comes before the branch in a browsing URL. */
const BRANCH_MARKERS: ReadonlyArray<string> = [
  'tree',
  'blob',
  'src',
  'raw',
  'edit',
];

/** `tree/<branch>/a/b` → `a/b`; markers GitHub, Bitbucket Cloud and GitLab use. */
function afterBranch(rest: string[]): string[] {
  return BRANCH_MARKERS.includes(rest[0] ?? '') ? rest.slice(2) : [];
}

function azureParts(
  host: string,
  segments: string[],
  query: URLSearchParams,
): Parts | undefined {
  let org: string[];
  const gitIndex = segments.indexOf('_git');
  if (host === 'ssh.dev.azure.com') {
    // git@ssh.dev.azure.com:v3/org/project/repo
    const v3 = segments[0] === 'v3' ? segments.slice(1) : segments;
    if (v3.length < 3) return undefined;
    return {
      host: 'dev.azure.com',
      orgSegments: v3.slice(0, 2),
      repo: v3[2],
      pathSegments: [],
    };
  }
  if (gitIndex < 1 || gitIndex + 1 >= segments.length) {
    return undefined;
  }
  let azureHost = host;
  if (host.endsWith('.visualstudio.com')) {
    const account = host.slice(0, -'.visualstudio.com'.length);
    const project = segments
      .slice(0, gitIndex)
      .filter(s => lower(s) !== 'defaultcollection');
    org = [account, ...project];
    azureHost = 'dev.azure.com';
  } else {
    org = segments.slice(0, gitIndex);
  }
  return {
    host: azureHost,
    orgSegments: org,
    repo: segments[gitIndex + 1],
    pathSegments: splitPath(query.get('path') ?? ''),
  };
}

function hostParts(
  host: string,
  segments: string[],
  query: URLSearchParams,
): Parts | undefined {
  if (
    host === 'dev.azure.com' ||
    host === 'ssh.dev.azure.com' ||
    host.endsWith('.visualstudio.com') ||
    segments.includes('_git')
  ) {
    return azureParts(host, segments, query);
  }
  const projects = segments.indexOf('projects');
  if (
    projects >= 0 &&
    segments[projects + 2] === 'repos' &&
    segments.length > projects + 3
  ) {
    // Bitbucket Server: /projects/PROJ/repos/repo/browse/path
    const rest = segments.slice(projects + 4);
    return {
      host,
      orgSegments: [segments[projects + 1]],
      repo: segments[projects + 3],
      pathSegments: rest[0] === 'browse' ? rest.slice(1) : [],
      urlPath: `projects/${lower(segments[projects + 1])}/repos/${lower(
        segments[projects + 3].replace(/\.git$/i, ''),
      )}`,
    };
  }
  if (segments[0] === 'scm' && segments.length >= 3) {
    // Bitbucket Server clone URL: /scm/proj/repo.git
    return {
      host,
      orgSegments: [segments[1]],
      repo: segments[2],
      pathSegments: [],
    };
  }
  const dash = segments.indexOf('-');
  if (dash >= 2) {
    // GitLab: /group/sub/repo/-/tree/main/path
    return {
      host,
      orgSegments: segments.slice(0, dash - 1),
      repo: segments[dash - 1],
      pathSegments: afterBranch(segments.slice(dash + 1)),
    };
  }
  if (host.includes('gitlab') && segments.length >= 2) {
    // GitLab without a /-/ part: every segment is a group, the last the repo.
    return {
      host,
      orgSegments: segments.slice(0, -1),
      repo: segments[segments.length - 1],
      pathSegments: [],
    };
  }
  if (segments.length < 2) {
    return undefined;
  }
  // GitHub, Bitbucket Cloud and any other host: /org/repo/tree/<branch>/path
  return {
    host,
    orgSegments: [segments[0]],
    repo: segments[1],
    pathSegments: afterBranch(segments.slice(2)),
  };
}

function toLocation(parts: Parts): RepositoryLocation | undefined {
  const host = lower(parts.host).replace(/^www\./, '');
  const org = parts.orgSegments.map(lower).join('/');
  const repo = lower(parts.repo).replace(/\.git$/, '');
  if (host === '' || org === '' || repo === '') {
    return undefined;
  }
  const id = `${host}/${org}/${repo}`;
  let url = `https://${id}`;
  if (parts.urlPath) {
    url = `https://${host}/${parts.urlPath}`;
  } else if (host === 'dev.azure.com') {
    url = `https://${host}/${org}/_git/${repo}`;
  }
  return { id, host, org, repo, path: parts.pathSegments.join('/'), url };
}

/**
 * Normalises an SCM URL (GitHub, GitLab, Bitbucket Cloud and Server, Azure
 * DevOps, plain git over https or ssh) to its repository; undefined when
 * the text names no repository. An optional `url:` location prefix is
 * stripped.
 *
 * @public
 */
export function parseRepositoryUrl(
  text: string,
): RepositoryLocation | undefined {
  return parseCommonRepositoryUrl(text) ?? parseAnyRepositoryUrl(text);
}

/** {@link parseRepositoryUrl} for any text. */
export function parseAnyRepositoryUrl(
  text: string,
): RepositoryLocation | undefined {
  let value = text
    .trim()
    .replace(/^url:/i, '')
    .replace(/^git\+/i, '');
  if (value === '') {
    return undefined;
  }
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(value);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    if (/^(file|http|https|ssh|git)$/i.test(scp[1])) {
      return undefined;
    }
    const [, host, path] = scp;
    const parts = hostParts(lower(host), splitPath(path), EMPTY_QUERY);
    return parts ? toLocation(parts) : undefined;
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    value = `https://${value}`;
  }
  const url = URL_PARTS.exec(value);
  if (!url) {
    return undefined;
  }
  const [, , host, path, query] = url;
  const parts = hostParts(
    lower(host),
    splitPath(path ?? ''),
    query ? new URLSearchParams(query) : EMPTY_QUERY,
  );
  return parts ? toLocation(parts) : undefined;
}

const SLASH = 0x2f;

/** `A-Z a-z 0-9 . _ ~ -`: characters that need no decoding and end nothing. */
function isPlainPathChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x30 && code <= 0x39) || // 0-9
    (code >= 0x41 && code <= 0x5a) || // A-Z
    code === 0x2d || // -
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x7e // ~
  );
}

/** `a-z 0-9 . -`: a lowercase host name. */
function isPlainHostChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2e
  );
}

/**
 * Whether the segment of `length` at `start` makes {@link hostParts} read a
 * URL another way than GitHub's: `-` (GitLab), `_git` (Azure DevOps),
 * `projects` (Bitbucket Server).
 */
function isSpecialSegment(text: string, start: number, length: number) {
  return (
    (length === 1 && text.charCodeAt(start) === 0x2d) ||
    (length === 4 && text.startsWith('_git', start)) ||
    (length === 8 && text.startsWith('projects', start))
  );
}

/** Whether the segment of `length` at `start` is a branch marker. */
function isBranchMarker(text: string, start: number, length: number) {
  return (
    (length === 4 &&
      (text.startsWith('tree', start) ||
        text.startsWith('blob', start) ||
        text.startsWith('edit', start))) ||
    (length === 3 &&
      (text.startsWith('src', start) || text.startsWith('raw', start)))
  );
}

/** The host of the last URL read, to share its string with the next. */
let lastHost = '';

/**
 * {@link parseRepositoryUrl}, first, for the form nearly every catalog uses:
 * `[url:]https://host/org/repo[/tree/<branch>/path]` with a lowercase host
 * and nothing to decode. Undefined for any other text: then only
 * {@link parseAnyRepositoryUrl} can tell. It gives the same location for
 * every text it accepts (it accepts only texts that the general parser
 * reads the GitHub way), in one pass over the text without regular
 * expressions: at 100,000 entities there are tens of thousands of these.
 */
export function parseCommonRepositoryUrl(
  text: string,
): RepositoryLocation | undefined {
  let start: number;
  if (text.startsWith('url:https://')) {
    start = 12;
  } else if (text.startsWith('https://')) {
    start = 8;
  } else {
    return undefined;
  }
  const length = text.length;
  let hostEnd = start;
  while (hostEnd < length && text.charCodeAt(hostEnd) !== SLASH) {
    if (!isPlainHostChar(text.charCodeAt(hostEnd))) {
      return undefined;
    }
    hostEnd++;
  }
  let host: string;
  if (hostEnd - start === lastHost.length && text.startsWith(lastHost, start)) {
    host = lastHost;
  } else {
    host = text.slice(start, hostEnd);
    if (
      host === '' ||
      host.startsWith('www.') ||
      host.includes('gitlab') ||
      host === 'dev.azure.com' ||
      host === 'ssh.dev.azure.com' ||
      host.endsWith('.visualstudio.com')
    ) {
      return undefined;
    }
    lastHost = host;
  }
  // The segments, empty ones skipped: org, repo, then maybe a branch
  // marker, the branch and the path. Only the bounds of the first three
  // and where the fifth starts are kept.
  let count = 0;
  let orgStart = 0;
  let orgEnd = 0;
  let repoStart = 0;
  let repoEnd = 0;
  let marker = false;
  let pathStart = length;
  let segmentStart = hostEnd + 1;
  for (let j = hostEnd + 1; j <= length; j++) {
    const code = j === length ? SLASH : text.charCodeAt(j);
    if (code !== SLASH) {
      if (!isPlainPathChar(code)) {
        return undefined;
      }
      continue;
    }
    const size = j - segmentStart;
    if (size > 0) {
      if (isSpecialSegment(text, segmentStart, size)) {
        return undefined;
      }
      if (count === 0) {
        orgStart = segmentStart;
        orgEnd = j;
      } else if (count === 1) {
        repoStart = segmentStart;
        repoEnd = j;
      } else if (count === 2) {
        marker = isBranchMarker(text, segmentStart, size);
      } else if (count === 4) {
        pathStart = segmentStart;
      }
      count++;
    }
    segmentStart = j + 1;
  }
  if (
    count < 2 ||
    (orgEnd - orgStart === 3 && text.startsWith('scm', orgStart))
  ) {
    return undefined;
  }
  const rawOrg = text.slice(orgStart, orgEnd);
  const rawRepo = text.slice(repoStart, repoEnd);
  const org = lower(rawOrg);
  let repo = lower(rawRepo);
  if (repo.endsWith('.git')) {
    repo = repo.slice(0, -4);
  }
  if (repo === '') {
    return undefined;
  }
  let path = '';
  if (marker && pathStart < length) {
    path = text.slice(pathStart);
    if (path.endsWith('/') || path.includes('//')) {
      path = path
        .split('/')
        .filter(segment => segment !== '')
        .join('/');
    }
  }
  // Where the text already reads host/org/repo in lowercase, the id is a
  // slice of it rather than a concatenation to be flattened when hashed.
  const id =
    orgStart === hostEnd + 1 &&
    repoStart === orgEnd + 1 &&
    org === rawOrg &&
    repo === rawRepo
      ? text.slice(start, repoEnd)
      : `${host}/${org}/${repo}`;
  return { id, host, org, repo, path, url: `https://${id}` };
}

/**
 * The repository of an entity: `backstage.io/source-location`, else a
 * project-slug annotation (`github.com/project-slug`,
 * `gitlab.com/project-slug` with `gitlab.com/instance`,
 * `bitbucket.org/project-slug`, `dev.azure.com/project-repo` with
 * `dev.azure.com/host-org`).
 *
 * @public
 */
export function repositoryOfAnnotations(
  annotations: Readonly<Record<string, string>>,
): RepositoryLocation | undefined {
  const source = annotations[ANNOTATIONS.sourceLocation];
  if (source !== undefined) {
    const location = parseRepositoryUrl(source);
    if (location) {
      return location;
    }
  }
  for (const [annotation, defaultHost] of SLUG_ANNOTATIONS) {
    const slug = annotations[annotation];
    if (slug !== undefined) {
      const host =
        annotation.startsWith('gitlab') && annotations['gitlab.com/instance']
          ? annotations['gitlab.com/instance']
          : defaultHost;
      const segments = splitPath(slug.trim());
      if (segments.length >= 2) {
        return toLocation({
          host,
          orgSegments: segments.slice(0, -1),
          repo: segments[segments.length - 1],
          pathSegments: [],
        });
      }
    }
  }
  const azure = annotations['dev.azure.com/project-repo'];
  if (azure !== undefined) {
    const segments = splitPath(azure.trim());
    const hostOrg = splitPath(annotations['dev.azure.com/host-org'] ?? '');
    if (segments.length === 2) {
      return toLocation({
        host: hostOrg[0] ?? 'dev.azure.com',
        orgSegments: [...hostOrg.slice(1), segments[0]],
        repo: segments[1],
        pathSegments: [],
      });
    }
  }
  return undefined;
}
