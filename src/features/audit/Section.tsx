import { useId, type ReactNode } from 'react';
import { formatCount } from '../../core/format.ts';

interface Props {
  readonly title: string;
  /** Entries the heading lists; left out for a section that counts nothing. */
  readonly count?: number;
  /** A line under the heading: what the section looks for, or that it is partial. */
  readonly note?: string | null;
  readonly children: ReactNode;
}

/** One heading of the audit with what it found. */
export function Section({ title, count, note, children }: Props) {
  const id = useId();
  return (
    <section className="audit-section" aria-labelledby={id}>
      <header className="audit-section__head">
        <h3 className="audit-section__title" id={id}>
          {title}
        </h3>
        {count !== undefined && (
          <span className={count > 0 ? 'audit-section__count' : 'audit-section__count--none'}>
            {formatCount(count)}
          </span>
        )}
      </header>
      {note != null && <p className="audit-section__note">{note}</p>}
      {children}
    </section>
  );
}

/** What a heading says when it has nothing to list. */
export function Empty({ children = 'Nothing to report.' }: { readonly children?: ReactNode }) {
  return <p className="audit-section__empty">{children}</p>;
}
