import type {
  ConditionLeaf,
  ConditionNode,
  ObjectTypeDef,
} from '@herald/engine';
import { isLeaf } from '../steps/condition-tree';
import {
  addChild,
  childrenOf,
  nodeAt,
  removeNode,
  replaceNode,
  setGroupKind,
  toggleNot,
  type GroupKind,
} from '../steps/condition-tree-edits';
import { operatorChoices } from '../steps/operator-info';
import { ConditionLeafEditor } from './ConditionLeafEditor';
import './condition-builder.css';

/** Props of {@link ConditionGroupEditor}. */
export interface ConditionGroupEditorProps {
  /** The whole test; every edit hands back a new one. */
  root: ConditionNode;
  /** Where the node this editor shows sits in `root`. */
  address: number[];
  objectType: ObjectTypeDef | undefined;
  onChange: (root: ConditionNode) => void;
}

/**
 * Edits one node of a Condition's test and, for a group, its children:
 * all / any groups, negation, adding and removing comparisons and groups.
 */
export function ConditionGroupEditor(props: ConditionGroupEditorProps) {
  const { root, address, objectType, onChange } = props;
  const node = nodeAt(root, address);
  if (!node) {
    return null;
  }

  const isRoot = address.length === 0;
  const tools = (
    <NodeTools
      negated={!isLeaf(node) && 'not' in node}
      removable={!isRoot}
      onNegate={() => onChange(toggleNot(root, address))}
      onRemove={() => onChange(removeNode(root, address))}
    />
  );

  if (isLeaf(node)) {
    return (
      <div className="condition-node" data-testid="condition-node">
        <ConditionLeafEditor
          leaf={node}
          objectType={objectType}
          onChange={(leaf) => onChange(replaceNode(root, address, leaf))}
        />
        {tools}
        {isRoot && <AddButtons {...props} />}
      </div>
    );
  }

  if ('not' in node) {
    return (
      <div
        className="condition-group condition-group--not"
        data-testid="condition-not"
      >
        <div className="condition-group__head">
          <strong>Not</strong> — the part below must not hold
          {tools}
        </div>
        <ConditionGroupEditor {...props} address={[...address, 0]} />
      </div>
    );
  }

  const kind: GroupKind = 'all' in node ? 'all' : 'any';
  return (
    <div className="condition-group" data-testid="condition-group">
      <div className="condition-group__head">
        <select
          value={kind}
          aria-label="How the parts combine"
          onChange={(event) =>
            onChange(
              setGroupKind(root, address, event.target.value as GroupKind),
            )
          }
          data-testid="condition-group-kind"
        >
          <option value="all">All of these hold</option>
          <option value="any">Any of these holds</option>
        </select>
        {tools}
      </div>
      {childrenOf(node).map((_, index) => (
        <ConditionGroupEditor
          key={[...address, index].join('.')}
          {...props}
          address={[...address, index]}
        />
      ))}
      <AddButtons {...props} />
    </div>
  );
}

function NodeTools(props: {
  negated: boolean;
  removable: boolean;
  onNegate: () => void;
  onRemove: () => void;
}) {
  return (
    <span className="condition-node__tools">
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={props.onNegate}
        data-testid="condition-negate"
      >
        {props.negated ? 'Remove not' : 'Not'}
      </button>
      {props.removable && (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={props.onRemove}
          data-testid="condition-remove"
        >
          Remove
        </button>
      )}
    </span>
  );
}

function AddButtons({
  root,
  address,
  objectType,
  onChange,
}: ConditionGroupEditorProps) {
  const leaf = newLeaf(objectType);

  return (
    <div className="button-row condition-group__add">
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange(addChild(root, address, leaf))}
        data-testid="condition-add-leaf"
      >
        + Comparison
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange(addChild(root, address, { any: [leaf] }))}
        data-testid="condition-add-group"
      >
        + Group
      </button>
    </div>
  );
}

// A new comparison starts on the object type's first field, like a new
// Condition step does.
function newLeaf(objectType: ObjectTypeDef | undefined): ConditionLeaf {
  const field = objectType?.fields[0];
  const operator = operatorChoices(field, 'record', '')[0]?.name ?? 'equals';

  return { fact: 'record', path: field?.name ?? 'id', operator };
}
