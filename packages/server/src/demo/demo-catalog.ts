/**
 * The demo business: a solar-panel installer. Its object types and its
 * Template library.
 */
import type { ObjectTypeDef } from '@herald/engine';

/** Object types of the demo, with typed fields. */
export const demoObjectTypes: ObjectTypeDef[] = [
  {
    name: 'Case',
    label: 'Support case',
    customerField: 'customerId',
    fields: [
      { name: 'subject', type: 'text' },
      {
        name: 'status',
        type: 'picklist',
        values: ['New', 'In Progress', 'Waiting on Customer', 'Closed'],
      },
      { name: 'priority', type: 'picklist', values: ['Low', 'Medium', 'High'] },
      { name: 'product', type: 'text' },
      { name: 'customerId', type: 'text' },
    ],
  },
  {
    name: 'Order',
    label: 'Sales order',
    customerField: 'customerId',
    fields: [
      { name: 'number', type: 'text' },
      {
        name: 'status',
        type: 'picklist',
        values: ['Placed', 'Confirmed', 'Shipped', 'Delivered', 'Cancelled'],
      },
      { name: 'total', type: 'money', currency: 'USD' },
      { name: 'product', type: 'text' },
      { name: 'customerId', type: 'text' },
    ],
  },
  {
    name: 'Shipment',
    label: 'Shipment',
    customerField: 'customerId',
    fields: [
      {
        name: 'status',
        type: 'picklist',
        values: [
          'Pending',
          'Packed',
          'Shipped',
          'In Transit',
          'Delivered',
          'Returned',
        ],
      },
      { name: 'trackingNumber', type: 'text' },
      {
        name: 'carrier',
        type: 'picklist',
        values: ['UPS', 'FedEx', 'DHL', 'USPS'],
      },
      { name: 'orderId', type: 'text' },
      { name: 'shippedAt', type: 'datetime' },
      { name: 'customerId', type: 'text' },
    ],
  },
  {
    name: 'Appointment',
    label: 'Appointment',
    customerField: 'customerId',
    fields: [
      { name: 'startsAt', type: 'datetime' },
      {
        name: 'status',
        type: 'picklist',
        values: [
          'Booked',
          'Confirmed',
          'Rescheduled',
          'Cancelled',
          'Completed',
        ],
      },
      {
        name: 'kind',
        type: 'picklist',
        values: ['Site survey', 'Installation', 'Maintenance'],
      },
      { name: 'address', type: 'text' },
      { name: 'customerId', type: 'text' },
    ],
  },
  {
    name: 'Invoice',
    label: 'Invoice',
    customerField: 'customerId',
    fields: [
      { name: 'number', type: 'text' },
      {
        name: 'status',
        type: 'picklist',
        values: ['Draft', 'Sent', 'Paid', 'Overdue'],
      },
      { name: 'amount', type: 'money', currency: 'USD' },
      { name: 'dueDate', type: 'date' },
      { name: 'customerId', type: 'text' },
    ],
  },
];

/** The demo's Template library. */
export const demoTemplates = [
  {
    id: 'shipping-update',
    name: 'Shipping update',
    category: 'Orders',
    body:
      'Hi {{ customer.firstName }}, your solar kit is on its way with ' +
      '{{ record.carrier }}. Tracking number: {{ record.trackingNumber }}.',
  },
  {
    id: 'case-in-progress',
    name: 'We are working on your case',
    category: 'Support',
    body:
      'Hi {{ customer.firstName }}, we are working on your case ' +
      '"{{ record.subject }}". We will update you as soon as we know more.',
  },
  {
    id: 'payment-received',
    name: 'Payment received',
    category: 'Billing',
    body:
      'Thank you {{ customer.firstName }}! We received your payment of ' +
      '{{ record.amount | money }} for invoice {{ record.number }}.',
  },
  {
    id: 'order-confirmation',
    name: 'Purchase confirmation',
    category: 'Orders',
    body:
      'Thanks for your order {{ record.number }}, ' +
      '{{ customer.firstName }}: {{ record.product }}, ' +
      '{{ record.total | money }}.',
  },
  {
    id: 'appointment-reminder',
    name: 'Appointment reminder',
    category: 'Appointments',
    body:
      'Reminder: your {{ record.kind | downcase }} is on ' +
      '{{ record.startsAt | format_datetime }} at {{ record.address }}.',
  },
  {
    id: 'case-survey',
    name: 'Survey after a case closes',
    category: 'Support',
    body:
      'Hi {{ customer.firstName }}, your case is closed. How did we do? ' +
      'Reply with a number from 1 (poor) to 5 (great).',
  },
];
