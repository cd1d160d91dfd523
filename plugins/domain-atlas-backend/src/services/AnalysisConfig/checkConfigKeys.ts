import { closestKey } from './closestKey';
import { ConfigBlock, configError } from './configError';
import {
  ByName,
  DOMAIN_ATLAS_CONFIG_KEYS,
  keyPaths,
  KeyTree,
  ListOf,
  VALUE,
} from './knownConfigKeys';

interface UnknownKey {
  /** Its full path, e.g. `domainAtlas.history.retentionDay`. */
  key: string;
  /** The path of its block, e.g. `domainAtlas.history`. */
  blockPath: string;
  /** The keys that block accepts. */
  known: string[];
}

function findUnknownKeys(
  block: ConfigBlock,
  tree: KeyTree,
  path: string,
): UnknownKey[] {
  return block.keys().flatMap(key => {
    const keyPath = `${path}.${key}`;
    if (!Object.hasOwn(tree, key)) {
      return [{ key: keyPath, blockPath: path, known: Object.keys(tree) }];
    }
    const node = tree[key];
    if (node === VALUE) {
      return [];
    }
    if (node instanceof ListOf) {
      return (block.getOptionalConfigArray(key) ?? []).flatMap((entry, index) =>
        findUnknownKeys(entry, node.entry, `${keyPath}[${index}]`),
      );
    }
    if (node instanceof ByName) {
      const { entry } = node;
      const named = block.getOptionalConfig(key);
      return entry === VALUE || !named
        ? []
        : named
            .keys()
            .flatMap(name =>
              findUnknownKeys(
                named.getConfig(name),
                entry,
                `${keyPath}.${name}`,
              ),
            );
    }
    const nested = block.getOptionalConfig(key);
    return nested ? findUnknownKeys(nested, node, keyPath) : [];
  });
}

/**
 * The known key closest to an unknown one: in the same block first, else
 * anywhere, so a key put at the wrong level (`domainAtlas.retentionDays`) is
 * pointed at where it belongs (`domainAtlas.history.retentionDays`).
 */
function closestKnownKey(
  { key, blockPath, known }: UnknownKey,
  tree: KeyTree,
): string | undefined {
  const name = key.slice(blockPath.length + 1);
  const sibling = closestKey(name, known);
  if (sibling) {
    return `${blockPath}.${sibling}`;
  }
  // Keys inside lists and named entries are left out: their paths
  // (`rules.*.enabled`) are no key one could write.
  const byLastSegment = new Map(
    keyPaths(tree)
      .filter(path => !/[*[]/.test(path))
      .map(path => [path.slice(path.lastIndexOf('.') + 1), path]),
  );
  const elsewhere = closestKey(name, byLastSegment.keys());
  return elsewhere && `domainAtlas.${byLastSegment.get(elsewhere)}`;
}

function unknownKeyError(unknown: UnknownKey, tree: KeyTree): Error {
  const closest = closestKnownKey(unknown, tree);
  return configError(
    unknown.key,
    closest
      ? `unknown key; did you mean ${closest}?`
      : `unknown key; ${unknown.blockPath} accepts ${[...unknown.known]
          .sort()
          .join(', ')}`,
  );
}

/**
 * Fails on any key under `domainAtlas` that the backend does not read, so a
 * misspelt key never leaves a setting silently at its default. The error
 * names each unknown key by its full path and the closest known key.
 *
 * @param domainAtlas - the `domainAtlas` block of app-config
 */
export function checkConfigKeys(
  domainAtlas: ConfigBlock,
  tree: KeyTree = DOMAIN_ATLAS_CONFIG_KEYS,
): void {
  const unknown = findUnknownKeys(domainAtlas, tree, 'domainAtlas');
  if (unknown.length === 1) {
    throw unknownKeyError(unknown[0], tree);
  }
  if (unknown.length > 1) {
    throw new Error(
      unknown.map(entry => unknownKeyError(entry, tree).message).join('\n'),
    );
  }
}
