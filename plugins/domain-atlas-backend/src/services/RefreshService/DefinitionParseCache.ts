import type { Entity } from '@backstage/catalog-model';
import type {
  DefinitionCache,
  DefinitionVersion,
} from '@domain-atlas/plugin-domain-atlas-common';
import { definitionVersion } from '@domain-atlas/plugin-domain-atlas-common';

/** Whether a catalog entry is an API entity (bad entries are skipped). */
function isApiEntity(entity: unknown): entity is Entity {
  return (
    typeof entity === 'object' &&
    entity !== null &&
    typeof (entity as Entity).kind === 'string' &&
    (entity as Entity).kind.toLowerCase() === 'api'
  );
}

/**
 * What parsing each API definition gave, kept from one refresh to the
 * next: a refresh parses every definition in full (so that a malformed one
 * is a finding), and most definitions do not change between refreshes.
 *
 * Holds only the definitions of the last refresh: one that a refresh did
 * not ask for is forgotten at the end of that refresh, so removed and
 * changed definitions do not pile up. The definition texts themselves are
 * the keys: the last refresh's texts stay in memory until the next one
 * ends (some MB for thousands of APIs), next to that refresh's own copies.
 */
export class DefinitionParseCache implements DefinitionCache {
  /** What this refresh asked for or parsed. */
  private current = new Map<string, DefinitionVersion>();
  /** What the previous refresh had. */
  private previous = new Map<string, DefinitionVersion>();
  /** How long `parseNew` works before it gives the event loop back. */
  private readonly sliceMs: number;

  constructor(options: { sliceMs?: number } = {}) {
    this.sliceMs = options.sliceMs ?? 20;
  }

  get(definition: string): DefinitionVersion | undefined {
    const known = this.current.get(definition);
    if (known !== undefined) {
      return known;
    }
    const kept = this.previous.get(definition);
    if (kept !== undefined) {
      this.current.set(definition, kept);
    }
    return kept;
  }

  set(definition: string, outcome: DefinitionVersion): void {
    this.current.set(definition, outcome);
  }

  /**
   * Parses the API definitions this cache does not know yet, giving the
   * event loop back every few milliseconds. The analysis then finds every
   * definition here; parsed in one go, the thousands of definitions of a
   * large catalog's first refresh would hold up every other request of
   * the backend for seconds.
   */
  async parseNew(entities: Entity[], maxDefinitionSize: number) {
    let sliceStart = Date.now();
    for (const entity of entities as unknown[]) {
      if (!isApiEntity(entity)) {
        continue;
      }
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      const type =
        typeof spec.type === 'string' ? spec.type.trim().toLowerCase() : null;
      definitionVersion(type, spec.definition, maxDefinitionSize, true, this);
      if (Date.now() - sliceStart >= this.sliceMs) {
        await new Promise(resolve => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
  }

  /** Ends a refresh: forgets what it did not use. */
  endRefresh(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
