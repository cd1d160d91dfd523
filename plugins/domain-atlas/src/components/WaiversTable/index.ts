export { WaiversTable } from './WaiversTable';
