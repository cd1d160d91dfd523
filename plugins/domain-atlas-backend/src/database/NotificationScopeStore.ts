/**
 * When Domain Atlas last sent a notification of each scope, so that one
 * subject notifies at most once in a while however often it comes back.
 */
export interface NotificationScopeStore {
  /**
   * Claims `scope` for a notification sent at `now`: true, and recorded,
   * when none of the scope was sent at or after `since`; false otherwise.
   * Of instances claiming one scope at once, one wins.
   */
  claim(scope: string, options: { now: Date; since: Date }): Promise<boolean>;
  /**
   * Gives back a claim made at `claimedAt` whose notification could not be
   * sent, so that the next occurrence may notify.
   */
  release(scope: string, claimedAt: Date): Promise<void>;
  /** Forgets scopes last sent before `before`. */
  prune(before: Date): Promise<void>;
}
