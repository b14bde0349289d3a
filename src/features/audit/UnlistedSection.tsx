import { useState } from 'react';
import { FINDING_HEADING, type UnlistedFile } from '../../core/audit/index.ts';
import { FilePreview } from './FilePreview.tsx';
import { LimitedList } from './LimitedList.tsx';
import { fileName, folderOf } from './names.ts';
import { Empty, Section } from './Section.tsx';

/** Files no row names: no record to view, so each opens a preview of the file itself. */
export function UnlistedSection({ unlisted }: { readonly unlisted: readonly UnlistedFile[] }) {
  const [previewed, setPreviewed] = useState<string | null>(null);
  return (
    <Section
      title={FINDING_HEADING.unlisted}
      count={unlisted.length}
      note="Files in the folder that no CSV row names. Operating-system litter (.DS_Store, Thumbs.db…) is left out."
    >
      {unlisted.length === 0 ? (
        <Empty />
      ) : (
        <LimitedList
          items={unlisted}
          keyOf={(found) => `${found.copy ? 'copy' : 'file'}:${found.file}`}
          className="audit-files audit-files--rows"
          render={(found) => (
            <>
              <button
                type="button"
                className="audit-link"
                title={found.file}
                aria-haspopup="dialog"
                onClick={() => setPreviewed(found.file)}
              >
                {fileName(found.file)}
              </button>
              <span className="audit-reason">
                {[folderOf(found.file), found.copy ? 'a second copy of a name a row uses' : '']
                  .filter((part) => part !== '')
                  .join(' · ')}
              </span>
            </>
          )}
        />
      )}
      {previewed !== null && (
        <FilePreview key={previewed} path={previewed} onClose={() => setPreviewed(null)} />
      )}
    </Section>
  );
}
