import type { CustomerView } from '../api/activity-types';

/** Props of {@link CustomerField}. */
export interface CustomerFieldProps {
  customerId: string;
  customers: CustomerView[];
  onChange: (customerId: string) => void;
}

/**
 * The Customer a simulation runs for: an id, offered from the Customer
 * list, with who that is (tier, region, preferred channel, locale).
 */
export function CustomerField({
  customerId,
  customers,
  onChange,
}: CustomerFieldProps) {
  const customer = customers.find((item) => item.id === customerId);

  return (
    <label className="field">
      <span className="field__label">Customer</span>
      <input
        type="text"
        list="simulate-customers"
        value={customerId}
        placeholder="customer id"
        onChange={(event) => onChange(event.target.value)}
        data-testid="simulate-customer"
      />
      <datalist id="simulate-customers">
        {customers.map((item) => (
          <option key={item.id} value={item.id}>
            {[item.firstName, item.lastName, item.tier]
              .filter(Boolean)
              .join(' ')}
          </option>
        ))}
      </datalist>
      {customer && (
        <span
          className="field__hint muted"
          data-testid="simulate-customer-summary"
        >
          {[customer.firstName, customer.lastName].filter(Boolean).join(' ')} ·{' '}
          {customer.tier} · {customer.region ?? 'no region'} · prefers{' '}
          {customer.preferredChannel ?? 'none'} · {customer.locale}
        </span>
      )}
      {!customer && customerId !== '' && (
        <span className="field__hint muted">
          Not in the customer list: only the id is known.
        </span>
      )}
    </label>
  );
}
