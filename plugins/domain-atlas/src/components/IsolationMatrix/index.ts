export { IsolationMatrix } from './IsolationMatrix';
