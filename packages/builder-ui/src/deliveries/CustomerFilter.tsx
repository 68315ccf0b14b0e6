import { useState } from 'react';

/** Props of {@link CustomerFilter}. */
export interface CustomerFilterProps {
  value: string;
  onApply: (customerId: string) => void;
}

/** The customer id filter; applies on Enter or when the field is left. */
export function CustomerFilter({ value, onApply }: CustomerFilterProps) {
  const [text, setText] = useState(value);
  const apply = () => {
    if (text.trim() !== value) {
      onApply(text.trim());
    }
  };

  return (
    <form
      className="field delivery-filters__customer"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label className="field__label" htmlFor="delivery-filter-customer">
        Customer
      </label>
      <input
        id="delivery-filter-customer"
        type="search"
        value={text}
        placeholder="Customer id"
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        data-testid="delivery-filter-customer"
      />
    </form>
  );
}
