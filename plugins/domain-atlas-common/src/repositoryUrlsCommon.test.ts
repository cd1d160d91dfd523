import fc from 'fast-check';
import {
  parseAnyRepositoryUrl,
  parseCommonRepositoryUrl,
} from './repositoryUrls';

const segment = fc.oneof(
  fc.constantFrom(
    'acme',
    'Acme',
    'orders',
    'orders.git',
    '.git',
    'tree',
    'blob',
    'src',
    'raw',
    'edit',
    'main',
    '-',
    '_git',
    'scm',
    'projects',
    'repos',
    'browse',
    'DefaultCollection',
    'v3',
    '',
    '%41',
    'a b',
    'a?b=1',
    'a#b',
    'x:1',
    'u@h',
  ),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,6}$/),
);
const plainSegment = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9._~-]{1,6}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('tree', 'blob', 'main', 'Acme', 'x.git', '-'),
  },
);
const likelyUrl = fc
  .tuple(
    fc.constantFrom('url:https://', 'https://'),
    fc.constantFrom('github.com', 'ghe.acme.io', 'h', 'gitlab.acme.io'),
    fc.array(plainSegment, { maxLength: 7 }),
    fc.constantFrom('', '/', '//'),
  )
  .map(
    ([prefix, host, segments, suffix]) =>
      `${prefix}${host}/${segments.join('/')}${suffix}`,
  );
const anyUrl = fc
  .tuple(
    fc.constantFrom('url:', '', 'URL:', 'git+', ' ', 'url: '),
    fc.constantFrom('https://', 'http://', 'ssh://', 'git@', ''),
    fc.constantFrom(
      'github.com',
      'GitHub.com',
      'www.github.com',
      'gitlab.com',
      'gitlab.acme.io',
      'dev.azure.com',
      'ssh.dev.azure.com',
      'acme.visualstudio.com',
      'bitbucket.acme.io',
      'ghe.acme.io:8443',
      'ghe.acme.io',
      'h',
    ),
    fc.constantFrom('/', ':', '//'),
    fc.array(segment, { maxLength: 7 }),
    fc.constantFrom('', '/', ' ', '?path=/a', '#x'),
  )
  .map(
    ([prefix, scheme, host, separator, segments, suffix]) =>
      `${prefix}${scheme}${host}${separator}${segments.join('/')}${suffix}`,
  );
const url = fc.oneof(likelyUrl, anyUrl);

describe('parseCommonRepositoryUrl', () => {
  it('reads the usual forms', () => {
    expect(
      parseCommonRepositoryUrl(
        'url:https://github.com/Acme/Orders.git/tree/main/services/api',
      ),
    ).toEqual({
      id: 'github.com/acme/orders',
      host: 'github.com',
      org: 'acme',
      repo: 'orders',
      path: 'services/api',
      url: 'https://github.com/acme/orders',
    });
    expect(parseCommonRepositoryUrl('https://github.com/acme/orders')?.id).toBe(
      'github.com/acme/orders',
    );
    expect(
      parseCommonRepositoryUrl('https://gitlab.com/acme/orders'),
    ).toBeUndefined();
  });

  it('gives what the general parser gives, for every text it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(url, text => {
        const common = parseCommonRepositoryUrl(text);
        accepted += common === undefined ? 0 : 1;
        expect(common ?? parseAnyRepositoryUrl(text)).toEqual(
          parseAnyRepositoryUrl(text),
        );
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });
});
