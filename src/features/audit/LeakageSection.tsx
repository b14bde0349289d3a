import { FINDING_HEADING, type LeakedPatient } from '../../core/audit/index.ts';
import { DATASET_LABEL } from '../../core/types.ts';
import { ImageStrip } from './ImageStrip.tsx';
import { LimitedList } from './LimitedList.tsx';
import { countOf } from './names.ts';
import { Empty, Section } from './Section.tsx';

/** Patients whose images sit in two or more splits, with their images per split. */
export function LeakageSection({ leakage }: { readonly leakage: readonly LeakedPatient[] }) {
  return (
    <Section
      title={FINDING_HEADING.leakage}
      count={leakage.length}
      note="A model tested on a patient it was trained on scores better than it should."
    >
      {leakage.length === 0 ? (
        <Empty />
      ) : (
        <LimitedList
          items={leakage}
          keyOf={(leaked) => `${leaked.dataset}:${leaked.patient}`}
          className="audit-entries"
          render={(leaked) => <LeakedPatientEntry leaked={leaked} />}
        />
      )}
    </Section>
  );
}

function LeakedPatientEntry({ leaked }: { readonly leaked: LeakedPatient }) {
  return (
    <article className="audit-entry">
      <p className="audit-entry__title">
        Patient {leaked.patient}{' '}
        <span className="audit-entry__meta">
          {DATASET_LABEL[leaked.dataset]} · {countOf(leaked.images, 'image')};{' '}
          {countOf(leaked.minority, 'image')} would have to move
        </span>
      </p>
      {leaked.splits.map((split) => (
        <div key={split.split} className="audit-entry__part">
          <p className="audit-entry__label">
            {split.split}: {countOf(split.ids.length, 'image')}
          </p>
          <ImageStrip ids={split.ids} withPatient={false} />
        </div>
      ))}
    </article>
  );
}
