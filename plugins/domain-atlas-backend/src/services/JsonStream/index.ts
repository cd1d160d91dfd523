export { jsonPieces, streamJson } from './streamJson';
