import { FINDING_HEADING, type UnusualSize } from '../../core/audit/index.ts';
import { formatShare, formatSize } from '../../core/format.ts';
import { useData } from '../../state/derived.ts';
import { FileLink } from './FileLink.tsx';
import { LimitedList } from './LimitedList.tsx';
import { countOf } from './names.ts';
import { Empty, Section } from './Section.tsx';

const BY = { country: 'Country', machine: 'Machine' } as const;

/** Sizes few images of their country or machine share, against the group's commonest. */
export function UnusualSizesSection({ sizes }: { readonly sizes: readonly UnusualSize[] }) {
  return (
    <Section
      title={FINDING_HEADING['unusual-size']}
      count={sizes.length}
      note="A size rare within its country or machine is often a screenshot, a crop or a file from elsewhere."
    >
      {sizes.length === 0 ? (
        <Empty />
      ) : (
        <LimitedList
          items={sizes}
          keyOf={(size) => `${size.by}:${size.group}:${size.width}×${size.height}`}
          className="audit-entries"
          render={(size) => <UnusualSizeEntry size={size} />}
        />
      )}
    </Section>
  );
}

function UnusualSizeEntry({ size }: { readonly size: UnusualSize }) {
  const records = useData()?.index.records ?? [];
  const { commonest } = size;
  const rarity = `${countOf(size.ids.length, 'image')} of ${countOf(size.total, 'image')} of known size (${formatShare(size.ids.length / size.total)})`;
  const usual = `${formatSize(commonest.width, commonest.height)} (${countOf(commonest.images, 'image')})`;
  return (
    <article className="audit-entry">
      <p className="audit-entry__title">
        {formatSize(size.width, size.height)}{' '}
        <span className="audit-entry__meta">
          {BY[size.by]} {size.group}: {rarity}; the commonest is {usual}
        </span>
      </p>
      <LimitedList
        items={size.ids}
        keyOf={(id) => id}
        className="audit-files"
        limit={20}
        render={(id) => <FileLink id={id} path={records[id]?.path ?? ''} />}
      />
    </article>
  );
}
