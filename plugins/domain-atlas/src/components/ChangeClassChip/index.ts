export { ChangeClassChip, CHANGE_CLASS_TEXT } from './ChangeClassChip';
