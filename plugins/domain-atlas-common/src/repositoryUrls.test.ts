import { parseRepositoryUrl, repositoryOfAnnotations } from './repositoryUrls';

describe('parseRepositoryUrl', () => {
  it.each([
    [
      'url:https://github.com/Acme/Orders/tree/main/services/api',
      'github.com/acme/orders',
      'services/api',
    ],
    [
      'https://github.com/acme/orders/blob/main/catalog-info.yaml',
      'github.com/acme/orders',
      'catalog-info.yaml',
    ],
    ['https://www.github.com/acme/orders', 'github.com/acme/orders', ''],
    ['https://github.com/acme/orders.git', 'github.com/acme/orders', ''],
    ['git@github.com:acme/orders.git', 'github.com/acme/orders', ''],
    ['ssh://git@github.com:22/acme/orders.git', 'github.com/acme/orders', ''],
    ['git+https://github.com/acme/orders.git', 'github.com/acme/orders', ''],
    [
      'https://ghe.acme.io/acme/orders/tree/main/x/y',
      'ghe.acme.io/acme/orders',
      'x/y',
    ],
    [
      'https://gitlab.com/acme/shop/orders/-/tree/main/svc',
      'gitlab.com/acme/shop/orders',
      'svc',
    ],
    [
      'https://gitlab.com/acme/shop/orders/-/blob/main/svc/catalog-info.yaml',
      'gitlab.com/acme/shop/orders',
      'svc/catalog-info.yaml',
    ],
    ['https://gitlab.com/acme/shop/orders', 'gitlab.com/acme/shop/orders', ''],
    [
      'git@gitlab.acme.io:acme/shop/orders.git',
      'gitlab.acme.io/acme/shop/orders',
      '',
    ],
    [
      'https://bitbucket.org/acme/orders/src/main/svc/',
      'bitbucket.org/acme/orders',
      'svc',
    ],
    [
      'https://bitbucket.acme.io/projects/SHOP/repos/orders/browse/svc/api',
      'bitbucket.acme.io/shop/orders',
      'svc/api',
    ],
    [
      'https://bitbucket.acme.io/scm/shop/orders.git',
      'bitbucket.acme.io/shop/orders',
      '',
    ],
    [
      'https://dev.azure.com/acme/shop/_git/orders?path=/svc/api',
      'dev.azure.com/acme/shop/orders',
      'svc/api',
    ],
    [
      'https://acme.visualstudio.com/shop/_git/orders',
      'dev.azure.com/acme/shop/orders',
      '',
    ],
    [
      'git@ssh.dev.azure.com:v3/acme/shop/orders',
      'dev.azure.com/acme/shop/orders',
      '',
    ],
    ['https://git.acme.io/acme/orders.git', 'git.acme.io/acme/orders', ''],
  ])('%s → %s (path %j)', (url, id, path) => {
    expect(parseRepositoryUrl(url)).toMatchObject({ id, path });
  });

  it('gives browsable URLs', () => {
    expect(parseRepositoryUrl('git@github.com:acme/orders.git')?.url).toBe(
      'https://github.com/acme/orders',
    );
    expect(
      parseRepositoryUrl('https://dev.azure.com/acme/shop/_git/orders')?.url,
    ).toBe('https://dev.azure.com/acme/shop/_git/orders');
    expect(
      parseRepositoryUrl(
        'https://bitbucket.acme.io/projects/SHOP/repos/orders/browse',
      )?.url,
    ).toBe('https://bitbucket.acme.io/projects/shop/repos/orders');
  });

  it.each([
    '',
    'file:./catalog-info.yaml',
    'https://github.com/acme',
    'not a url at all',
    'url:',
  ])('names no repository for %j', url => {
    expect(parseRepositoryUrl(url)).toBeUndefined();
  });
});

describe('repositoryOfAnnotations', () => {
  it('prefers the source location, then project slugs', () => {
    expect(
      repositoryOfAnnotations({
        'backstage.io/source-location':
          'url:https://github.com/acme/orders/tree/main/',
        'github.com/project-slug': 'acme/other',
      })?.id,
    ).toBe('github.com/acme/orders');
    expect(
      repositoryOfAnnotations({ 'github.com/project-slug': 'Acme/Orders' })?.id,
    ).toBe('github.com/acme/orders');
    expect(
      repositoryOfAnnotations({
        'gitlab.com/project-slug': 'acme/shop/orders',
        'gitlab.com/instance': 'gitlab.acme.io',
      })?.id,
    ).toBe('gitlab.acme.io/acme/shop/orders');
    expect(
      repositoryOfAnnotations({ 'bitbucket.org/project-slug': 'acme/orders' })
        ?.id,
    ).toBe('bitbucket.org/acme/orders');
    expect(
      repositoryOfAnnotations({
        'dev.azure.com/project-repo': 'shop/orders',
        'dev.azure.com/host-org': 'dev.azure.com/acme',
      })?.id,
    ).toBe('dev.azure.com/acme/shop/orders');
    expect(repositoryOfAnnotations({})).toBeUndefined();
  });
});
