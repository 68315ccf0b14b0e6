import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { StepNode } from '../step-node';
import { AddStepButton } from './AddStepButton';
import { StepNodeFrame } from './StepNodeFrame';

/**
 * A Condition Step: a true/false test with one output per outcome, the
 * `true` handle on the left and the `false` handle on the right.
 */
export const ConditionNode = memo(function ConditionNode({
  data,
  selected,
}: NodeProps<StepNode>) {
  return (
    <StepNodeFrame step={data.step} kind="Condition" selected={selected}>
      <Handle type="target" position={Position.Top} />
      <div className="step-node__branches" aria-hidden="true">
        <span className="step-node__branch step-node__branch--true">true</span>
        <span className="step-node__branch step-node__branch--false">
          false
        </span>
      </div>
      <Handle
        type="source"
        position={Position.Bottom}
        id="true"
        className="handle handle--true"
        style={{ left: '25%' }}
        title="true"
      />
      <Handle
        type="source"
        position={Position.Bottom}
        id="false"
        className="handle handle--false"
        style={{ left: '75%' }}
        title="false"
      />
      <AddStepButton
        output={{ source: data.step.id, sourceHandle: 'true' }}
        left="25%"
      />
      <AddStepButton
        output={{ source: data.step.id, sourceHandle: 'false' }}
        left="75%"
      />
    </StepNodeFrame>
  );
});
