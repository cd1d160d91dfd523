import { closestKey, editDistance } from './closestKey';

describe('editDistance', () => {
  it.each([
    ['schedule', 'schedule', 0],
    ['shedule', 'schedule', 1],
    ['schedul', 'schedule', 1],
    ['shcedule', 'schedule', 1],
    ['retentionDay', 'retentionDays', 1],
    ['', 'rules', 5],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestKey', () => {
  const keys = [
    'schedule',
    'history',
    'rules',
    'deployableTypes',
    'cacheTypes',
  ];

  it.each<[string, string | undefined]>([
    ['shedule', 'schedule'],
    ['Schedule', 'schedule'],
    ['rule', 'rules'],
    ['deployableType', 'deployableTypes'],
    ['cachetype', 'cacheTypes'],
    ['demo', undefined],
    ['banana', undefined],
  ])('suggests for %s: %s', (key, expected) => {
    expect(closestKey(key, keys)).toBe(expected);
  });
});
