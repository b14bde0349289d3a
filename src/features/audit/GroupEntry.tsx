import type { ReactNode } from 'react';
import { ImageStrip } from './ImageStrip.tsx';

interface Props {
  readonly title: ReactNode;
  /** Why the group matters, each shown as a badge (a group spanning Train and Test…). */
  readonly badges: readonly string[];
  /** The members, by patient and plane: each part is one strip. */
  readonly parts: readonly (readonly number[])[];
}

/** A group of duplicates: what it is, its badges, and its images side by side. */
export function GroupEntry({ title, badges, parts }: Props) {
  return (
    <article className="audit-entry">
      <p className="audit-entry__title">
        {title}
        {badges.map((badge) => (
          <span key={badge} className="audit-badge">
            {badge}
          </span>
        ))}
      </p>
      <div className="audit-entry__parts">
        {parts.map((ids) => (
          <ImageStrip key={ids[0]} ids={ids} />
        ))}
      </div>
    </article>
  );
}

/** The badges of a group: whether it spans Train and Test, and whether two patients. */
export function badgesOf(group: { crossSplit: boolean; crossPatient: boolean }): string[] {
  return [
    ...(group.crossSplit ? ['Spans Train and Test'] : []),
    ...(group.crossPatient ? ['Spans patients'] : []),
  ];
}
