import { useId, type ChangeEvent } from 'react';
import { useSession } from '../state/react.ts';

/**
 * The folder input every browser has, labelled "Choose folder" and styled as a button. The input
 * itself stays in the page (visually hidden, still focusable) so keyboards and tests reach it.
 */
export function FolderInput({ primary = false }: { primary?: boolean }) {
  const session = useSession();
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = event.currentTarget.files;
    if (files !== null && files.length > 0) void session.openFiles(Array.from(files));
    event.currentTarget.value = '';
  };
  return (
    <span className="folder-input">
      <input
        id={id}
        className="visually-hidden"
        type="file"
        onChange={onChange}
        {...{ webkitdirectory: '', directory: '' }}
      />
      <label htmlFor={id} className={primary ? 'button button--primary' : 'button'}>
        Choose folder
      </label>
    </span>
  );
}
