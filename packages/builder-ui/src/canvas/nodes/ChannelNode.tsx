import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { StepNode } from '../step-node';
import { StepNodeFrame } from './StepNodeFrame';

/** A Channel Step: the last Step of a path, where the message goes. */
export const ChannelNode = memo(function ChannelNode({
  data,
  selected,
}: NodeProps<StepNode>) {
  return (
    <StepNodeFrame step={data.step} kind="Channel" selected={selected}>
      <Handle type="target" position={Position.Top} />
    </StepNodeFrame>
  );
});
