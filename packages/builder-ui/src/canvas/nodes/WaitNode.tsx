import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NEXT_HANDLE } from '../graph-to-canvas';
import type { StepNode } from '../step-node';
import { AddStepButton } from './AddStepButton';
import { StepNodeFrame } from './StepNodeFrame';

/** A Wait Step: a delay, or a moment relative to a date field. */
export const WaitNode = memo(function WaitNode({
  data,
  selected,
}: NodeProps<StepNode>) {
  return (
    <StepNodeFrame step={data.step} kind="Wait" selected={selected}>
      <Handle type="target" position={Position.Top} />
      <Handle type="source" position={Position.Bottom} id={NEXT_HANDLE} />
      <AddStepButton output={{ source: data.step.id, sourceHandle: 'next' }} />
    </StepNodeFrame>
  );
});
