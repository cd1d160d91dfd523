import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { normalizeRef } from './refs';

describe('normalizeRef', () => {
  it.each([
    ['orders', 'domain', 'default', 'domain:default/orders'],
    ['Group:Team-A', 'group', 'default', 'group:default/team-a'],
    [
      'resource:shop/orders-db',
      'component',
      'other',
      'resource:shop/orders-db',
    ],
    ['shop/orders', 'system', 'other', 'system:shop/orders'],
    ['  api:payments  ', 'api', 'billing', 'api:billing/payments'],
    ['ns/name:x', 'component', 'default', undefined],
    ['', 'group', 'default', undefined],
    ['component:', 'component', 'default', undefined],
    [':x', 'component', 'default', undefined],
    ['a:b/', 'component', 'default', undefined],
    [42, 'group', 'default', undefined],
  ])(
    '%j (default kind %s, namespace %s) → %s',
    (value, kind, namespace, expected) => {
      expect(normalizeRef(value, kind, namespace)).toBe(expected);
    },
  );

  it('agrees with parseEntityRef of @backstage/catalog-model on valid refs', () => {
    for (const value of ['x', 'k:x', 'n/x', 'k:n/x', 'K:N/X']) {
      expect(normalizeRef(value, 'component', 'default')).toBe(
        stringifyEntityRef(
          parseEntityRef(value, {
            defaultKind: 'component',
            defaultNamespace: 'default',
          }),
        ).toLocaleLowerCase('en-US'),
      );
    }
  });
});
