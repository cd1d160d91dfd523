export { AsyncContent } from './AsyncContent';
export type { AsyncContentProps, AsyncValue } from './AsyncContent';
