import type {
  DefinitionCache,
  DefinitionVersion,
} from '@domain-atlas/plugin-domain-atlas-common';

/**
 * What parsing each API definition gave, kept from one refresh to the
 * next: a refresh parses every definition in full (so that a malformed one
 * is a finding), and most definitions do not change between refreshes.
 *
 * Holds only the definitions of the last refresh: what a refresh did not
 * ask for is forgotten at the end of the next one, so removed and changed
 * definitions do not pile up.
 */
export class DefinitionParseCache implements DefinitionCache {
  /** What this refresh asked for or parsed. */
  private current = new Map<string, DefinitionVersion>();
  /** What the previous refresh had. */
  private previous = new Map<string, DefinitionVersion>();

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

  /** Ends a refresh: forgets what it did not use. */
  endRefresh(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
