/** Props of {@link TemplateFilters}. */
export interface TemplateFiltersProps {
  query: string;
  onQuery: (query: string) => void;
  categories: string[];
  /** The chosen category; null shows all. */
  category: string | null;
  onCategory: (category: string | null) => void;
}

/** Search by name or text, and one category chip at a time. */
export function TemplateFilters(props: TemplateFiltersProps) {
  return (
    <div className="template-library__filters">
      <input
        type="search"
        placeholder="Search name or text"
        value={props.query}
        onChange={(event) => props.onQuery(event.target.value)}
        aria-label="Search templates"
        data-testid="template-search"
      />
      <div className="chips" role="group" aria-label="Categories">
        {[null, ...props.categories].map((name) => (
          <button
            key={name ?? 'all'}
            type="button"
            className={props.category === name ? 'chip chip--on' : 'chip'}
            aria-pressed={props.category === name}
            onClick={() => props.onCategory(name)}
            data-testid="template-category"
          >
            {name ?? 'All'}
          </button>
        ))}
      </div>
    </div>
  );
}
