export { MigrationBoard } from './MigrationBoard';
