import type { ObjectTypeDef } from '@herald/engine';
import type { CatalogTemplate } from '../api/api-types';

/** What describing or editing a Step needs to know beyond the Step. */
export interface StepContext {
  /** The object type the Flow's Trigger listens to, when the catalog has it. */
  objectType: ObjectTypeDef | undefined;
  /** Every object type in the catalog, for pickers; default none. */
  objectTypes?: ObjectTypeDef[];
  /** The Template library. */
  templates: CatalogTemplate[];
  /** The Flow being edited, for its rollout buckets; absent elsewhere. */
  flowId?: string;
}
