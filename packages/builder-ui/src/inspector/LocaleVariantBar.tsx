import { useState } from 'react';
import {
  localeProblem,
  variantLocales,
  type TemplateTexts,
} from './template-variants';

/** Props of {@link LocaleVariantBar}. */
export interface LocaleVariantBarProps {
  texts: TemplateTexts;
  /** The text being edited: a locale, or null for the default body. */
  selected: string | null;
  onSelect: (locale: string | null) => void;
  onAdd: (locale: string) => void;
  onRemove: (locale: string) => void;
  /** Shows the variants without adding or removing. Default false. */
  readOnly?: boolean;
}

/**
 * Which of a Template's texts is edited: the default body or a locale
 * variant (`de`, `fr-CA` …), with adding and removing variants. A
 * Customer gets the variant of their locale, else of their language,
 * else the default body.
 */
export function LocaleVariantBar(props: LocaleVariantBarProps) {
  const { texts, selected, onSelect } = props;
  const [adding, setAdding] = useState('');
  const problem = adding.trim() === '' ? null : localeProblem(texts, adding);

  function add() {
    const locale = adding.trim();
    if (locale === '' || localeProblem(texts, locale)) return;

    props.onAdd(locale);
    setAdding('');
  }

  return (
    <div className="locale-variants" data-testid="locale-variants">
      <div className="chips" role="group" aria-label="Text to edit">
        {[null, ...variantLocales(texts)].map((locale) => (
          <button
            key={locale ?? 'default'}
            type="button"
            className={selected === locale ? 'chip chip--on' : 'chip'}
            aria-pressed={selected === locale}
            onClick={() => onSelect(locale)}
            data-testid="locale-variant"
            data-locale={locale ?? ''}
          >
            {locale ?? 'Default'}
          </button>
        ))}
      </div>
      {!props.readOnly && (
        <div className="locale-variants__edit">
          <input
            type="text"
            value={adding}
            placeholder="de, fr-CA …"
            aria-label="New locale variant"
            aria-invalid={problem !== null}
            onChange={(event) => setAdding(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
            data-testid="locale-variant-new"
          />
          <button
            type="button"
            className="button button--small"
            onClick={add}
            disabled={adding.trim() === '' || problem !== null}
            data-testid="locale-variant-add"
          >
            Add variant
          </button>
          {selected !== null && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => props.onRemove(selected)}
              data-testid="locale-variant-remove"
            >
              Remove {selected} variant
            </button>
          )}
        </div>
      )}
      {problem && (
        <p className="field__error" data-testid="locale-variant-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
