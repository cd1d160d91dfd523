import {
  convert,
  type AsyncAPIConvertVersion,
  type AsyncAPIDocument,
  type ConvertOptions,
} from '@asyncapi/converter';
import type { ClassifiedChange } from '@domain-atlas/plugin-domain-atlas-common';
import {
  isObject,
  JsonObject,
  pointerOf,
  pointerSegments,
  resolveRef,
} from './documentPointers';
import { DefinitionError } from './parseDefinition';

/** The converter's hook for naming the channels, operations and messages it creates. */
type IdGenerator = NonNullable<
  NonNullable<ConvertOptions['v2tov3']>['idGenerator']
>;

function majorOf(document: JsonObject): number {
  return Number.parseInt(String(document.asyncapi), 10);
}

/** The last segment of a `$ref` to `#/channels/<id>/messages/<id>` or similar. */
function refName(value: unknown): string | undefined {
  const segments =
    isObject(value) && typeof value.$ref === 'string'
      ? pointerSegments(value.$ref)
      : undefined;
  return segments?.[segments.length - 1];
}

/**
 * The converter names what it creates (channel, operation and message ids
 * in 3.0) after the 2.x keys. A 3.0 definition written by hand names them
 * as it likes; ids are the document's own keys, not on the wire, so the
 * converted document takes the ids of the one it is compared with wherever
 * a channel's address, an operation's channel and action, or a message's
 * name or id matches one of them, and the converter's own ids otherwise.
 */
function idsOf(target: JsonObject): IdGenerator {
  const channels = isObject(target.channels) ? target.channels : {};
  const operations = isObject(target.operations) ? target.operations : {};
  const only = (ids: string[]) => (ids.length === 1 ? ids[0] : undefined);

  const channelId = (address: string) =>
    only(
      Object.keys(channels).filter(id => {
        const channel = channels[id];
        return isObject(channel) && channel.address === address;
      }),
    );
  const operationId = (channel: string, action: string) =>
    only(
      Object.keys(operations).filter(id => {
        const operation = operations[id];
        return (
          isObject(operation) &&
          operation.action === action &&
          isObject(operation.channel) &&
          operation.channel.$ref === pointerOf(['channels', channel])
        );
      }),
    );
  const messageId = (
    operation: string,
    message: JsonObject,
    single: boolean,
  ) => {
    const targetOperation = operations[operation];
    const refs =
      isObject(targetOperation) && Array.isArray(targetOperation.messages)
        ? targetOperation.messages
        : [];
    const ids: string[] = [];
    const matching: string[] = [];
    for (const ref of refs) {
      const id = refName(ref);
      if (id === undefined) {
        continue;
      }
      ids.push(id);
      const candidate = resolveRef(target, ref);
      if (
        id === message.messageId ||
        (message.name !== undefined &&
          isObject(candidate) &&
          candidate.name === message.name)
      ) {
        matching.push(id);
      }
    }
    return only(matching) ?? (single ? only(ids) : undefined);
  };

  return ({
    asyncapi,
    kind,
    key,
    object,
    path,
    parentId,
  }: Parameters<IdGenerator>[0]) => {
    const source = isObject(object) ? object : {};
    // Only the document's own channels are matched, not `components.channels`.
    const align = path[0] !== 'components';
    if (kind === 'channel') {
      return (
        (align ? channelId(String(key)) : undefined) ??
        (typeof source['x-channelId'] === 'string'
          ? source['x-channelId']
          : String(key))
      );
    }
    if (kind === 'operation') {
      // The application's point of view, the converter's default.
      const action = key === 'publish' ? 'receive' : 'send';
      return (
        (align ? operationId(parentId ?? '', action) : undefined) ??
        (typeof source.operationId === 'string'
          ? source.operationId
          : `${parentId}.${key}`)
      );
    }
    const message = resolveRef(asyncapi, source);
    const resolved = isObject(message) ? message : {};
    const aligned = align
      ? messageId(parentId ?? '', resolved, key === 'message')
      : undefined;
    if (aligned) {
      return aligned;
    }
    if (typeof resolved.messageId === 'string') {
      return resolved.messageId;
    }
    const operationKind = (parentId ?? '').split('.').pop();
    return typeof key === 'number'
      ? `${operationKind}.message.${key}`
      : `${operationKind}.message`;
  };
}

/** Two definitions of one major AsyncAPI version, and what was converted. */
export interface ComparablePair {
  old: JsonObject;
  current: JsonObject;
  /** The spec-format change, when one definition was converted. */
  formatChange?: ClassifiedChange;
}

/**
 * @asyncapi/diff compares documents of one major version only. When the
 * majors differ, the older-format definition (whichever side it is) is
 * converted up with @asyncapi/converter, so a 2.x → 3.0 upgrade compares
 * what the API offers, not how the document is written; the format change
 * itself is reported, and breaks nobody.
 */
export function comparablePair(
  old: JsonObject,
  current: JsonObject,
): ComparablePair {
  const oldMajor = majorOf(old);
  const newMajor = majorOf(current);
  if (
    oldMajor === newMajor ||
    Number.isNaN(oldMajor) ||
    Number.isNaN(newMajor)
  ) {
    return { old, current };
  }
  const upgradeOld = oldMajor < newMajor;
  const [source, target] = upgradeOld ? [old, current] : [current, old];
  const side = upgradeOld ? 'old' : 'new';
  const version = `${Math.max(
    oldMajor,
    newMajor,
  )}.0.0` as AsyncAPIConvertVersion;
  let converted: JsonObject;
  try {
    converted = convert(structuredClone(source) as AsyncAPIDocument, version, {
      v2tov3: { idGenerator: idsOf(target) },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DefinitionError(
      `the ${side} definition (AsyncAPI ${source.asyncapi}) cannot be converted to ${version} for comparison: ${message}`,
    );
  }
  // Only the content is compared; the format change is the entry below.
  converted.asyncapi = target.asyncapi;
  return {
    old: upgradeOld ? converted : old,
    current: upgradeOld ? current : converted,
    formatChange: {
      class: 'non-breaking',
      action: 'changed',
      path: 'asyncapi',
      message: `spec format: [Changed] asyncapi ${old.asyncapi} → ${current.asyncapi}; the ${side} definition was converted to ${version} with @asyncapi/converter and the two compared`,
    },
  };
}
