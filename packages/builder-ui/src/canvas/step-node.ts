import type { Node } from '@xyflow/react';
import type { Step, StepType } from '@herald/engine';

/** What a canvas node carries: the Step it draws. */
export type StepNodeData = { step: Step };

/** A React Flow node drawing one Step; its `type` is the Step's type. */
export type StepNode = Node<StepNodeData, StepType>;
