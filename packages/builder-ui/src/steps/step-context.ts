import type { ObjectTypeDef } from '@herald/engine';
import type { CatalogTemplate } from '../api/api-types';

/** What describing or editing a Step needs to know beyond the Step. */
export interface StepContext {
  /** The object type the Flow's Trigger listens to, when the catalog has it. */
  objectType: ObjectTypeDef | undefined;
  /** The Template library. */
  templates: CatalogTemplate[];
}
