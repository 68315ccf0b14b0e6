import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NEXT_HANDLE } from '../graph-to-canvas';
import type { StepNode } from '../step-node';
import { AddStepButton } from './AddStepButton';
import { StepNodeFrame } from './StepNodeFrame';

/** The first Step of a Flow: what kind of Change starts it. */
export const TriggerNode = memo(function TriggerNode({
  data,
  selected,
}: NodeProps<StepNode>) {
  return (
    <StepNodeFrame step={data.step} kind="Trigger" selected={selected}>
      <Handle type="source" position={Position.Bottom} id={NEXT_HANDLE} />
      <AddStepButton output={{ source: data.step.id, sourceHandle: 'next' }} />
    </StepNodeFrame>
  );
});
