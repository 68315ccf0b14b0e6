/**
 * The builder's view of the engine's condition operators: which ones a
 * field offers and how each reads in a sentence.
 */
import {
  fieldTypes,
  findOperator,
  operatorsForFieldType,
} from '@herald/engine';
import type { FactName, FieldDef, OperatorInfo } from '@herald/engine';

// The canvas reads like a sentence about the future change ("Status
// changes to Shipped"); the engine's labels describe a past one.
const sentencePhrases: Record<string, string> = {
  changed: 'changes',
  changedFrom: 'changes from',
  changedTo: 'changes to',
};

/**
 * The operator named in a Condition leaf. For a field the catalog does not
 * know, the first field type with that operator is used; an operator no
 * field type has is taken as comparing with a single value.
 */
export function operatorFor(
  field: FieldDef | undefined,
  name: string,
): OperatorInfo {
  const types = field ? [field.type] : fieldTypes;
  for (const type of types) {
    const info = findOperator(type, name);
    if (info) {
      return info;
    }
  }

  return { name, label: name, value: 'single', recordOnly: false };
}

/**
 * The operators offered for a leaf: those of the field's type (text when
 * unknown), without the change operators unless the fact is `record`. The
 * operator already chosen is always kept.
 */
export function operatorChoices(
  field: FieldDef | undefined,
  fact: FactName,
  current: string,
): OperatorInfo[] {
  const choices = operatorsForFieldType(field?.type ?? 'text').filter(
    (info) => !info.recordOnly || fact === 'record',
  );

  if (current !== '' && !choices.some((info) => info.name === current)) {
    choices.unshift(operatorFor(field, current));
  }

  return choices;
}

/** How an operator reads after the field name: "is one of", "changes to". */
export function operatorPhrase(info: OperatorInfo): string {
  return sentencePhrases[info.name] ?? info.label;
}
