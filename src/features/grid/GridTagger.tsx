import { formatCount } from '../../core/format.ts';
import { useEvaluation } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';
import { TagField } from '../../ui/TagField.tsx';
import '../../ui/tags.css';

/** Tags every image the filters keep at once, or takes a tag off them all. */
export function GridTagger() {
  const session = useSession();
  const selection = useEvaluation()?.selection ?? null;
  if (selection === null || selection.length === 0) return null;
  const count = formatCount(selection.length);
  const noun = selection.length === 1 ? 'image' : 'images';
  return (
    <div className="grid-tagger" role="group" aria-label={`Tag the ${count} ${noun} shown`}>
      <span className="grid-toolbar__field">
        Tag the {count} {noun} shown
      </span>
      <TagField
        label="Tag for the images shown"
        action="Add"
        onAdd={(tag) => session.tag(selection, tag, true)}
        onRemove={(tag) => session.tag(selection, tag, false)}
        removeAction="Remove"
      />
    </div>
  );
}
