import type { FlowDetail } from '../api/api-types';
import { DeliveryList } from './DeliveryList';
import { VersionList } from './VersionList';

/** A Flow's published versions and its recent Deliveries. */
export function FlowHistory({ flow }: { flow: FlowDetail }) {
  return (
    <>
      <section className="panel__section">
        <h2 className="panel__heading">Versions</h2>
        <VersionList
          versions={flow.versions}
          activeVersion={flow.activeVersion}
        />
      </section>
      <DeliveryList flowId={flow.id} />
    </>
  );
}
