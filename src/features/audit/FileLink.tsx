import { useSession } from '../../state/react.ts';
import { fileName } from './names.ts';

interface Props {
  readonly id: number;
  /** The record's relative path; the button shows its file name. */
  readonly path: string;
}

/** A finding's file name, opening its record in the viewer (a missing image shows its row). */
export function FileLink({ id, path }: Props) {
  const session = useSession();
  return (
    <button type="button" className="audit-link" title={path} onClick={() => session.view(id)}>
      {fileName(path)}
    </button>
  );
}
