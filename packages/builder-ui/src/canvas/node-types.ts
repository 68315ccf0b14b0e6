import type { NodeTypes } from '@xyflow/react';
import { ChannelNode } from './nodes/ChannelNode';
import { ConditionNode } from './nodes/ConditionNode';
import { RolloutNode } from './nodes/RolloutNode';
import { TemplateNode } from './nodes/TemplateNode';
import { TriggerNode } from './nodes/TriggerNode';
import { WaitNode } from './nodes/WaitNode';

/**
 * The node component for each Step type. Kept at module level: React Flow
 * warns when this object changes between renders.
 */
export const stepNodeTypes = {
  trigger: TriggerNode,
  condition: ConditionNode,
  rollout: RolloutNode,
  wait: WaitNode,
  template: TemplateNode,
  channel: ChannelNode,
} satisfies NodeTypes;
