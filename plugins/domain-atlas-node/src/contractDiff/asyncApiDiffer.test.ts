import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareDefinitions } from './compareDefinitions';

const fixture = (name: string) =>
  readFileSync(
    join(__dirname, '__fixtures__', 'asyncapi-upgrade', name),
    'utf8',
  );

const V2 = fixture('orders-2.6.yaml');
const V3 = fixture('orders-3.0.yaml');
const V3_WITHOUT_CANCELLED = fixture('orders-3.0-without-cancelled.yaml');

describe('asyncApiDiffer', () => {
  it('does not call a spec-format-only edit breaking', async () => {
    const diff = await compareDefinitions({
      type: 'asyncapi',
      before: V2.replace('asyncapi: 2.6.0', 'asyncapi: 2.1.0'),
      after: V2,
    });
    expect(diff).toMatchObject({
      classification: 'non-breaking',
      needsMajor: false,
      changes: [
        {
          class: 'non-breaking',
          action: 'changed',
          path: 'asyncapi',
          message: 'spec format: [Changed] asyncapi 2.1.0 → 2.6.0',
        },
      ],
    });
  });

  it('names the channel, operation and message of a change', async () => {
    const diff = await compareDefinitions({
      type: 'asyncapi',
      before: V2,
      after: V2.replace(
        '            total: { type: number }\n',
        '            total: { type: number }\n            note: { type: string }\n',
      ),
    });
    expect(diff.changes).toEqual([
      {
        class: 'non-breaking',
        action: 'added',
        path: 'channels.orders/placed.subscribe.message.payload.properties.note',
        message:
          'channel `orders/placed`, subscribe operation, message: [Added] payload.properties.note',
      },
    ]);
  });

  describe('2.x and 3.0, compared after converting the 2.x definition', () => {
    const upgrade = {
      class: 'non-breaking',
      action: 'changed',
      path: 'asyncapi',
      message:
        'spec format: [Changed] asyncapi 2.6.0 → 3.0.0; the old definition was converted to 3.0.0 with @asyncapi/converter and the two compared',
    };

    it('does not call an upgrade alone breaking, whatever ids the 3.0 definition chose', async () => {
      const diff = await compareDefinitions({
        type: 'asyncapi',
        before: V2,
        after: V3,
      });
      expect(diff.problem).toBeUndefined();
      expect(diff).toMatchObject({
        fromVersion: '1.4.0',
        toVersion: '1.4.0',
        classification: 'non-breaking',
        changes: [upgrade],
      });
    });

    it('calls a channel removed across the upgrade breaking', async () => {
      const diff = await compareDefinitions({
        type: 'asyncapi',
        before: V2,
        after: V3_WITHOUT_CANCELLED,
      });
      expect(diff).toMatchObject({
        classification: 'breaking',
        needsMajor: true,
      });
      expect(diff.changes).toEqual([
        {
          class: 'breaking',
          action: 'removed',
          path: 'operations.orders/cancelled.subscribe',
          message: '[Removed] operation `orders/cancelled.subscribe`',
        },
        {
          class: 'breaking',
          action: 'removed',
          path: 'channels.orders/cancelled',
          message: '[Removed] channel `orders/cancelled`',
        },
        upgrade,
      ]);
    });

    it('converts the newer side when a 3.0 definition goes back to 2.x', async () => {
      const diff = await compareDefinitions({
        type: 'asyncapi',
        before: V3_WITHOUT_CANCELLED,
        after: V2,
      });
      expect(diff.classification).toBe('non-breaking');
      expect(diff.changes).toEqual([
        expect.objectContaining({
          path: 'asyncapi',
          message:
            'spec format: [Changed] asyncapi 3.0.0 → 2.6.0; the new definition was converted to 3.0.0 with @asyncapi/converter and the two compared',
        }),
        expect.objectContaining({
          class: 'non-breaking',
          action: 'added',
          path: 'operations.orders/cancelled.subscribe',
        }),
        expect.objectContaining({
          class: 'non-breaking',
          action: 'added',
          path: 'channels.orders/cancelled',
        }),
      ]);
    });

    it('reports a definition the converter cannot read as a problem', async () => {
      const diff = await compareDefinitions({
        type: 'asyncapi',
        before: V2.replace('asyncapi: 2.6.0', 'asyncapi: 2.9.0'),
        after: V3,
      });
      expect(diff.classification).toBe('unclassified');
      expect(diff.problem).toMatch(
        /^the old definition \(AsyncAPI 2\.9\.0\) cannot be converted to 3\.0\.0 for comparison/,
      );
    });
  });
});
