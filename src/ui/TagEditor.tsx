import { SUGGESTED_TAGS } from '../core/tags.ts';
import { useApp } from '../state/derived.ts';
import { useSession } from '../state/react.ts';
import { TagField } from './TagField.tsx';
import './tags.css';

const NONE: readonly string[] = [];

/** One image's tags: each removable, the suggested ones a click away, and a field for others. */
export function TagEditor({ id }: { readonly id: number }) {
  const session = useSession();
  const own = useApp((state) => state.tags[id] ?? NONE);
  const missing = SUGGESTED_TAGS.filter((tag) => !own.includes(tag));
  return (
    <section className="tag-editor" aria-label="Tags">
      <h3 className="tag-editor__title">Tags</h3>
      {own.length === 0 ? (
        <p className="tag-editor__none">No tags.</p>
      ) : (
        <ul className="tag-list">
          {own.map((tag) => (
            <li key={tag} className="tag-chip">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-chip__remove"
                aria-label={`Remove tag ${tag}`}
                title={`Remove tag ${tag}`}
                onClick={() => session.tag([id], tag, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <p className="tag-editor__quick">
          {missing.map((tag) => (
            <button
              key={tag}
              type="button"
              className="button button--small"
              onClick={() => session.tag([id], tag, true)}
            >
              + {tag}
            </button>
          ))}
        </p>
      )}
      <TagField label="New tag" onAdd={(tag) => session.tag([id], tag, true)} />
    </section>
  );
}
