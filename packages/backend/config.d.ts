export interface Config {
  /** Settings of the Domain Atlas demo (not of the plugins). */
  demo?: {
    /**
     * Hide the entities labelled `domain-atlas.io/restricted` (the Payments
     * domain and everything in it) from users who do not own them, in the
     * catalog and in Domain Atlas alike. Off by default.
     */
    hideRestrictedEntities?: boolean;
  };
}
