import type { FlowDetail } from '../api/api-types';
import { DeliveryList } from './DeliveryList';
import { VersionList } from './VersionList';

/**
 * A Flow's published versions and its recent Deliveries; `onOpenVersion`
 * shows a version read-only.
 */
export function FlowHistory({
  flow,
  onOpenVersion,
}: {
  flow: FlowDetail;
  onOpenVersion?: (version: number) => void;
}) {
  return (
    <>
      <section className="panel__section">
        <h2 className="panel__heading">Versions</h2>
        <VersionList
          versions={flow.versions}
          activeVersion={flow.activeVersion}
          onOpen={onOpenVersion}
        />
      </section>
      <DeliveryList flowId={flow.id} />
    </>
  );
}
