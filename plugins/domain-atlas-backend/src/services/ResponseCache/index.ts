export { ResponseCache } from './ResponseCache';
export type { CachedResponseKey } from './ResponseCache';
export { sendCachedJson } from './sendCachedJson';
