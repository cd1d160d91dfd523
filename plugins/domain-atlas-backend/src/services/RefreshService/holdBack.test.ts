import { assessRead, catalogReadOf, countsAgree } from './holdBack';

describe('assessRead', () => {
  it.each([
    // [what, read, history, verdict]
    [
      'a first read with content',
      { entityCount: 30, contentCount: 27 },
      {},
      { hold: false, confirmed: false },
    ],
    [
      'a first read of nothing',
      { entityCount: 0, contentCount: 0 },
      {},
      { hold: true, reason: 'The catalog has no entities yet' },
    ],
    [
      'a first read of Locations only',
      { entityCount: 3, contentCount: 0 },
      {},
      {
        hold: true,
        reason:
          'The catalog has only Location entities so far (3); it has not read what they point to yet',
      },
    ],
    [
      'a first read of nothing after a held one',
      { entityCount: 0, contentCount: 0 },
      { previousHeld: 0 },
      { hold: true, reason: 'The catalog has no entities yet' },
    ],
    [
      'a read of half the last report',
      { entityCount: 61, contentCount: 58 },
      { baseline: 122 },
      { hold: false, confirmed: false },
    ],
    [
      'a read of nothing after a report',
      { entityCount: 0, contentCount: 0 },
      { baseline: 122 },
      {
        hold: true,
        reason:
          'The catalog returned 0 entities where the last report had 122; waiting for the next refresh to confirm',
      },
    ],
    [
      'a read of one entity after a report',
      { entityCount: 1, contentCount: 1 },
      { baseline: 122 },
      {
        hold: true,
        reason:
          'The catalog returned 1 entity where the last report had 122; waiting for the next refresh to confirm',
      },
    ],
    [
      'the second read of nothing',
      { entityCount: 0, contentCount: 0 },
      { baseline: 122, previousHeld: 0 },
      { hold: false, confirmed: true },
    ],
    [
      'a small read that agrees with the held one',
      { entityCount: 42, contentCount: 40 },
      { baseline: 122, previousHeld: 40 },
      { hold: false, confirmed: true },
    ],
    [
      'a small read that does not agree with the held one',
      { entityCount: 50, contentCount: 48 },
      { baseline: 122, previousHeld: 40 },
      {
        hold: true,
        reason:
          'The catalog returned 50 entities where the last report had 122; waiting for the next refresh to confirm',
      },
    ],
    [
      'a read as small as a confirmed empty report',
      { entityCount: 0, contentCount: 0 },
      { baseline: 0 },
      { hold: false, confirmed: false },
    ],
  ])('%s', (_what, read, history, verdict) => {
    expect(assessRead(read, history)).toEqual(verdict);
  });
});

describe('countsAgree', () => {
  it.each([
    [0, 0, true],
    [0, 1, false],
    [100, 90, true],
    [100, 89, false],
    [10, 11, true],
  ])('%p and %p: %p', (a, b, agree) => {
    expect(countsAgree(a, b)).toBe(agree);
    expect(countsAgree(b, a)).toBe(agree);
  });
});

describe('catalogReadOf', () => {
  it('counts everything but Location entities as content', () => {
    const of = (kind: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: kind.toLowerCase() },
    });
    expect(
      catalogReadOf([of('Location'), of('location'), of('Domain')]),
    ).toEqual({ entityCount: 3, contentCount: 1 });
  });
});
