import { describe, expect, it } from 'vitest';
import type { DeliveryView } from '../api/activity-types';
import { countStatuses, recentChanges } from './recent-changes';

function delivery(
  changeId: string | null,
  status: string,
  createdAt: string,
): DeliveryView {
  return {
    id: `${changeId}-${status}`,
    changeId,
    flowId: 'flow',
    flowVersion: 1,
    pathId: 'p',
    templateId: 't',
    objectType: 'Shipment',
    recordId: `SHP-${changeId}`,
    customerId: `cust-${changeId}`,
    channel: 'sms',
    status,
    statusReason: null,
    body: null,
    createdAt,
    history: [],
  };
}

describe('recentChanges', () => {
  it('groups deliveries by change, newest first, without agent sends', () => {
    const changes = recentChanges([
      delivery('9', 'sent', '2030-01-02T00:00:00Z'),
      delivery('9', 'failed', '2030-01-02T00:00:00Z'),
      delivery(null, 'sent', '2030-01-01T12:00:00Z'),
      delivery('4', 'blocked', '2030-01-01T00:00:00Z'),
    ]);

    expect(changes).toEqual([
      {
        changeId: '9',
        customerId: 'cust-9',
        recordId: 'SHP-9',
        at: '2030-01-02T00:00:00Z',
        statuses: ['sent', 'failed'],
      },
      {
        changeId: '4',
        customerId: 'cust-4',
        recordId: 'SHP-4',
        at: '2030-01-01T00:00:00Z',
        statuses: ['blocked'],
      },
    ]);
  });
});

describe('countStatuses', () => {
  // Regression: two sent Deliveries of one Change read "sent sent".
  it('counts repeated statuses in first-seen order', () => {
    expect(countStatuses(['sent', 'failed', 'sent'])).toEqual([
      { status: 'sent', count: 2 },
      { status: 'failed', count: 1 },
    ]);
  });
});
