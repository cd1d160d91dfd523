import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import { contractVersionOfEntity } from '@domain-atlas/plugin-domain-atlas-common';
import { definitionText } from '@domain-atlas/plugin-domain-atlas-node';

/** An API entity's definition as the contract history records it. */
export interface CatalogApi {
  ref: string;
  type: string | null;
  text: string;
  hash: string;
  version: string | null;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The API entities with a definition. Malformed entities (no name, a
 * definition that is neither text nor data) are left to the analysis,
 * which reports them as findings.
 */
export function catalogApisOf(
  entities: Entity[],
  maxDefinitionSize: number,
): CatalogApi[] {
  const apis: CatalogApi[] = [];
  for (const entity of entities) {
    const spec = (entity?.spec ?? {}) as Record<string, unknown>;
    const name = entity?.metadata?.name;
    const namespace = entity?.metadata?.namespace ?? 'default';
    if (
      typeof entity?.kind !== 'string' ||
      entity.kind.toLocaleLowerCase('en-US') !== 'api' ||
      typeof name !== 'string' ||
      typeof namespace !== 'string' ||
      (typeof spec.definition !== 'string' &&
        (typeof spec.definition !== 'object' || spec.definition === null)) ||
      spec.definition === ''
    ) {
      continue;
    }
    const text = definitionText(spec.definition);
    if (text.length > maxDefinitionSize) {
      // Flagged as malformed-definition by the analysis; not kept.
      continue;
    }
    apis.push({
      ref: `api:${namespace}/${name}`.toLocaleLowerCase('en-US'),
      type:
        typeof spec.type === 'string'
          ? spec.type.trim().toLocaleLowerCase('en-US')
          : null,
      text,
      hash: sha256(text),
      version: contractVersionOfEntity(entity, { maxDefinitionSize }).version,
    });
  }
  return apis;
}
