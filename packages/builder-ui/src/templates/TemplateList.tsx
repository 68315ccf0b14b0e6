import type { LibraryTemplate } from '../api/activity-types';
import { routeHref } from '../app/app-route';
import type { TemplateUser } from './template-usage';

/** Props of {@link TemplateList}. */
export interface TemplateListProps {
  templates: LibraryTemplate[];
  usersOf: (id: string) => TemplateUser[];
  onOpen: (id: string) => void;
  /** Says "No template matches" when the list is empty. Default true. */
  showEmpty: boolean;
}

/** Library Templates with their category, text, variants and users. */
export function TemplateList(props: TemplateListProps) {
  return (
    <ul className="template-library__list" data-testid="template-list">
      {props.templates.map((template) => (
        <li key={template.id} data-testid="template-row" data-id={template.id}>
          <button
            type="button"
            className="link-button"
            onClick={() => props.onOpen(template.id)}
          >
            {template.name}
          </button>{' '}
          {template.category && (
            <span className="badge">{template.category}</span>
          )}
          <VariantBadges variants={template.variants} />
          <div className="muted template-library__excerpt">{template.body}</div>
          <UsedBy users={props.usersOf(template.id)} />
        </li>
      ))}
      {props.templates.length === 0 && props.showEmpty && (
        <li className="muted">No template matches.</li>
      )}
    </ul>
  );
}

function VariantBadges({ variants }: { variants?: Record<string, string> }) {
  const locales = Object.keys(variants ?? {}).sort();
  if (locales.length === 0) {
    return null;
  }

  return (
    <span className="muted" data-testid="template-variant-locales">
      {' '}
      + {locales.join(', ')}
    </span>
  );
}

function UsedBy({ users }: { users: TemplateUser[] }) {
  if (users.length === 0) {
    return (
      <div className="muted" data-testid="template-used-by">
        Used by no flow
      </div>
    );
  }

  return (
    <div className="muted" data-testid="template-used-by">
      Used by{' '}
      {users.map((user, index) => (
        <span key={user.flowId}>
          {index > 0 && ', '}
          <a href={routeHref({ page: 'flow', flowId: user.flowId })}>
            {user.flowName}
          </a>
        </span>
      ))}
    </div>
  );
}
