/** Props of {@link FilterSelect}. */
export interface FilterSelectProps {
  label: string;
  /** Names the control for tests: `delivery-filter-<name>`. */
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

/** A labelled select whose first choice, "Any", clears the filter. */
export function FilterSelect(props: FilterSelectProps) {
  const { label, name, value, options, onChange } = props;
  const known = value === '' || options.some((o) => o.value === value);

  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={`delivery-filter-${name}`}
      >
        <option value="">Any</option>
        {!known && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
