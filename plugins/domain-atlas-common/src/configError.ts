/**
 * The error for an invalid value in app-config, naming its full key, e.g.
 * `domainAtlas.customRules[0].require.annotation.pattern`.
 */
export function configError(key: string, problem: string): Error {
  return new Error(
    `Invalid Domain Atlas configuration at '${key}': ${problem}`,
  );
}
