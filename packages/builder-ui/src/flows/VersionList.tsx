import type { FlowVersionSummary } from '../api/api-types';
import { formatTime } from '../app/format-time';

/** Props of {@link VersionList}. */
export interface VersionListProps {
  versions: FlowVersionSummary[];
  activeVersion: number | null;
  /** Opens a version's read-only view; rows are plain text without it. */
  onOpen?: (version: number) => void;
}

/** A Flow's published versions, newest first, marking the active one. */
export function VersionList({
  versions,
  activeVersion,
  onOpen,
}: VersionListProps) {
  if (versions.length === 0) {
    return (
      <p className="muted" data-testid="versions-empty">
        Not published yet.
      </p>
    );
  }

  const newestFirst = [...versions].sort((a, b) => b.version - a.version);

  return (
    <ol className="version-list" data-testid="version-list">
      {newestFirst.map((version) => (
        <li
          key={version.version}
          className="version-list__item"
          data-testid="version-row"
          data-version={version.version}
        >
          {onOpen ? (
            <button
              type="button"
              className="link-button version-list__number"
              onClick={() => onOpen(version.version)}
              title={`Show version ${version.version}, read-only`}
              data-testid="version-open"
            >
              v{version.version}
            </button>
          ) : (
            <span className="version-list__number">v{version.version}</span>
          )}
          {version.version === activeVersion && (
            <span className="badge badge--active">Active</span>
          )}
          <span className="muted">
            {formatTime(version.publishedAt)}
            {version.publishedBy ? ` by ${version.publishedBy}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
