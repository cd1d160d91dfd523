import type {
  DefinitionCache,
  DefinitionVersion,
} from '@domain-atlas/plugin-domain-atlas-common';
import { sha256 } from '../ContractHistory/catalogApis';

/** A definition's parse outcome, by the SHA-256 of its text. */
export type DefinitionOutcome = [hash: string, outcome: DefinitionVersion];

/**
 * What parsing each API definition in full gave, kept from one refresh to
 * the next: a refresh parses every definition in full (so that a malformed
 * one is a finding), and most definitions do not change between
 * refreshes. Keyed by the SHA-256 of the text rather than the text, so the
 * outcomes stay small enough to hand to each refresh's worker thread and
 * back. Only what a refresh used is handed back, so removed and changed
 * definitions do not pile up.
 */
export class DefinitionOutcomes implements DefinitionCache {
  private readonly known: Map<string, DefinitionVersion>;
  private readonly used = new Map<string, DefinitionVersion>();

  constructor(known: Iterable<DefinitionOutcome> = []) {
    this.known = new Map(known);
  }

  get(definition: string): DefinitionVersion | undefined {
    const hash = sha256(definition);
    const outcome = this.used.get(hash) ?? this.known.get(hash);
    if (outcome !== undefined) {
      this.used.set(hash, outcome);
    }
    return outcome;
  }

  set(definition: string, outcome: DefinitionVersion): void {
    this.used.set(sha256(definition), outcome);
  }

  /** The outcomes this refresh used or found, for the next one. */
  usedOutcomes(): DefinitionOutcome[] {
    return [...this.used];
  }
}
