import { useRef, useState } from 'react';
import type { ObjectTypeDef } from '@herald/engine';
import { LocaleVariantBar } from './LocaleVariantBar';
import { MergeFieldPicker } from './MergeFieldPicker';
import { TemplatePreview, type TestSendSource } from './TemplatePreview';
import {
  textOf,
  withoutVariant,
  withText,
  withVariant,
  type TemplateTexts,
} from './template-variants';
import './chips.css';
import './template-variants.css';

/** Props of {@link VariantTextEditor}. */
export interface VariantTextEditorProps {
  texts: TemplateTexts;
  onChange: (texts: TemplateTexts) => void;
  /** The object type merge fields and the sample Record come from. */
  objectType: ObjectTypeDef | undefined;
  /** Test id of the text area. */
  bodyTestId: string;
  /** Shows the texts without changing them. Default false. */
  readOnly?: boolean;
  /** The stored Template, for "Send a test"; absent: no test sends. */
  stored?: { id: string; texts: TemplateTexts; sendUnsaved: boolean };
}

/**
 * A Template's default body and locale variants: pick the text to edit,
 * add or remove a variant, insert merge fields, and see the chosen text
 * previewed (with its per-channel counter) for a sample Customer.
 */
export function VariantTextEditor(props: VariantTextEditorProps) {
  const { texts, onChange } = props;
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const locale =
    selected !== null && selected in texts.variants ? selected : null;
  const text = textOf(texts, locale);

  // A merge field goes where the cursor was, else at the end.
  function insertField(field: string) {
    const at = bodyRef.current?.selectionStart ?? text.length;
    onChange(
      withText(texts, locale, text.slice(0, at) + field + text.slice(at)),
    );
  }

  return (
    <>
      <LocaleVariantBar
        texts={texts}
        selected={locale}
        onSelect={setSelected}
        onAdd={(added) => {
          onChange(withVariant(texts, added));
          setSelected(added);
        }}
        onRemove={(removed) => {
          onChange(withoutVariant(texts, removed));
          setSelected(null);
        }}
        readOnly={props.readOnly}
      />
      <label className="field">
        <span className="field__label">
          {locale === null ? 'Message text' : `Message text (${locale})`}
        </span>
        <textarea
          ref={bodyRef}
          rows={5}
          value={text}
          readOnly={props.readOnly}
          onChange={(event) =>
            onChange(withText(texts, locale, event.target.value))
          }
          data-testid={props.bodyTestId}
        />
      </label>
      {!props.readOnly && (
        <MergeFieldPicker
          objectType={props.objectType}
          onInsert={insertField}
        />
      )}
      <TemplatePreview
        body={text}
        objectType={props.objectType}
        testSend={testSendOf(props.stored, locale, text)}
      />
    </>
  );
}

// Admins test the text on screen; others only the library's saved text.
// Limitation: a business user's Flow inspector is read-only (a disabled
// fieldset), which disables this button too; they send tests from the
// Template library page, where the preview sits outside the fieldset.
function testSendOf(
  stored: VariantTextEditorProps['stored'],
  locale: string | null,
  text: string,
): TestSendSource | undefined {
  if (!stored) {
    return undefined;
  }

  const savedText =
    locale === null ? stored.texts.body : stored.texts.variants[locale];
  const unsaved = savedText !== text;
  if (unsaved && !stored.sendUnsaved) {
    return { templateId: stored.id, locale, blocked: 'Save the text first.' };
  }

  return { templateId: stored.id, locale, ...(unsaved ? { body: text } : {}) };
}
