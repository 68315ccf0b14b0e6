import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NEXT_HANDLE } from '../graph-to-canvas';
import type { StepNode } from '../step-node';
import { AddStepButton } from './AddStepButton';
import { StepNodeFrame } from './StepNodeFrame';

/** A Rollout Step: the audience a Flow is limited to. */
export const RolloutNode = memo(function RolloutNode({
  data,
  selected,
}: NodeProps<StepNode>) {
  return (
    <StepNodeFrame step={data.step} kind="Rollout" selected={selected}>
      <Handle type="target" position={Position.Top} />
      <Handle type="source" position={Position.Bottom} id={NEXT_HANDLE} />
      <AddStepButton output={{ source: data.step.id, sourceHandle: 'next' }} />
    </StepNodeFrame>
  );
});
