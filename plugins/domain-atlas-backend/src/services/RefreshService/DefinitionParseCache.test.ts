import { DefinitionParseCache } from './DefinitionParseCache';

describe('DefinitionParseCache', () => {
  it('keeps what one refresh parsed for the next', () => {
    const cache = new DefinitionParseCache();
    cache.set('a', { version: '1.0.0' });
    cache.endRefresh();
    expect(cache.get('a')).toEqual({ version: '1.0.0' });
    expect(cache.get('b')).toBeUndefined();
  });

  it('forgets what a refresh did not ask for', () => {
    const cache = new DefinitionParseCache();
    cache.set('kept', { version: '1.0.0' });
    cache.set('removed', { problem: 'does not parse: x' });
    cache.endRefresh();
    // The next refresh sees only `kept` (the other definition changed or
    // its API went away).
    expect(cache.get('kept')).toEqual({ version: '1.0.0' });
    cache.endRefresh();
    expect(cache.get('kept')).toEqual({ version: '1.0.0' });
    expect(cache.get('removed')).toBeUndefined();
    cache.endRefresh();
    cache.endRefresh();
    expect(cache.get('kept')).toBeUndefined();
  });
});
