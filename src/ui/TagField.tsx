import { useId, useState, type FormEvent } from 'react';
import { SUGGESTED_TAGS } from '../core/tags.ts';
import { useApp } from '../state/derived.ts';
import { useTagNames } from './useTagNames.ts';

interface Props {
  /** The field's accessible name ("New tag", "Tag"). */
  readonly label: string;
  /** Called with the text typed; returns why it was refused, or null (the field then empties). */
  readonly onAdd: (tag: string) => string | null;
  /** The submit button's text. */
  readonly action?: string;
  /** A second action on the same text (e.g. removing it from many images). */
  readonly onRemove?: (tag: string) => string | null;
  readonly removeAction?: string;
}

/** A text field for a tag, offering the tags in use and the suggested ones as completions. */
export function TagField({
  label,
  onAdd,
  action = 'Add',
  onRemove,
  removeAction = 'Remove',
}: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const names = useTagNames();
  const notice = useApp((state) => state.tagNotice);
  const [refused, setRefused] = useState<string | null>(null);
  const run = (how: (tag: string) => string | null) => {
    const reason = how(text);
    setRefused(reason);
    if (reason === null) setText('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(onAdd);
  };
  const shown = refused ?? notice;
  return (
    <form className="tag-field" onSubmit={submit}>
      <input
        type="text"
        className="tag-field__input"
        aria-label={label}
        placeholder="exclude, check, or your own"
        list={`${id}-tags`}
        value={text}
        maxLength={80}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setRefused(null);
        }}
      />
      <datalist id={`${id}-tags`}>
        {[...new Set([...SUGGESTED_TAGS, ...names])].map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <button type="submit" className="button button--small">
        {action}
      </button>
      {onRemove && (
        <button type="button" className="button button--small" onClick={() => run(onRemove)}>
          {removeAction}
        </button>
      )}
      {shown !== null && (
        <p className="tag-field__notice" role="alert">
          {shown}
        </p>
      )}
    </form>
  );
}
