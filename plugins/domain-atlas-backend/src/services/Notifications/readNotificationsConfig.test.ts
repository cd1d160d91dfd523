import { mockServices } from '@backstage/backend-test-utils';
import { JsonValue } from '@backstage/types';
import { readAnalysisConfig } from '../AnalysisConfig';
import { readNotificationsConfig } from './readNotificationsConfig';

const read = (notifications: JsonValue) =>
  readNotificationsConfig(
    mockServices.rootConfig({ data: { domainAtlas: { notifications } } }),
  );

describe('readNotificationsConfig', () => {
  it('sends every change by default, waivers 14 days ahead', () => {
    expect(readNotificationsConfig(mockServices.rootConfig())).toEqual({
      enabled: true,
      minimumSeverity: 'low',
      waiverDays: 14,
      events: {
        'new-error': { enabled: true, severity: 'high' },
        'breaking-change': { enabled: true, severity: 'critical' },
        'overdue-target': { enabled: true, severity: 'normal' },
        'expiring-waiver': { enabled: true, severity: 'low' },
      },
    });
  });

  it('reads every key', () => {
    expect(
      read({
        enabled: 'false',
        minimumSeverity: 'normal',
        newErrors: { severity: 'critical' },
        breakingChanges: { enabled: false },
        overdueTargets: { enabled: true, severity: 'low' },
        expiringWaivers: { days: 7, severity: 'normal' },
      }),
    ).toEqual({
      enabled: false,
      minimumSeverity: 'normal',
      waiverDays: 7,
      events: {
        'new-error': { enabled: true, severity: 'critical' },
        'breaking-change': { enabled: false, severity: 'critical' },
        'overdue-target': { enabled: true, severity: 'low' },
        'expiring-waiver': { enabled: true, severity: 'normal' },
      },
    });
  });

  it.each([
    [
      { enabled: 'yes' },
      `Invalid Domain Atlas configuration at 'domainAtlas.notifications.enabled': "yes" is not true or false`,
    ],
    [
      { minimumSeverity: 'error' },
      `Invalid Domain Atlas configuration at 'domainAtlas.notifications.minimumSeverity': "error" is not one of critical, high, normal, low`,
    ],
    [
      { newErrors: { severity: 'urgent' } },
      `at 'domainAtlas.notifications.newErrors.severity': "urgent" is not one of critical, high, normal, low`,
    ],
    [
      { overdueTargets: { enabled: 1 } },
      `at 'domainAtlas.notifications.overdueTargets.enabled': 1 is not true or false`,
    ],
    [
      { expiringWaivers: { days: -1 } },
      `at 'domainAtlas.notifications.expiringWaivers.days': -1 is not a whole number of days from 0 to 365`,
    ],
    [
      { expiringWaivers: { days: 'two weeks' } },
      `at 'domainAtlas.notifications.expiringWaivers.days': "two weeks" is not a whole number of days from 0 to 365`,
    ],
  ])('names the key of %j', (notifications, message) => {
    expect(() => read(notifications)).toThrow(message);
  });

  it('leaves unknown keys to the start-up check, which names them', () => {
    expect(() =>
      readAnalysisConfig(
        mockServices.rootConfig({
          data: {
            domainAtlas: { notifications: { newErrors: { enable: false } } },
          },
        }),
      ),
    ).toThrow(
      "Invalid Domain Atlas configuration at 'domainAtlas.notifications.newErrors.enable': unknown key; did you mean domainAtlas.notifications.newErrors.enabled?",
    );
  });
});
