export { ReportNotifier } from './ReportNotifier';
export type { NewSnapshot } from './ReportNotifier';
export { readNotificationsConfig } from './readNotificationsConfig';
export type { NotificationsConfig } from './readNotificationsConfig';
