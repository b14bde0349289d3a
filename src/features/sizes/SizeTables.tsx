import { useId } from 'react';
import { formatCount } from '../../core/format.ts';
import { useHeaderPass, useSizeSummary, type HeaderPass } from '../../state/derived.ts';
import { SizeTable } from './SizeTable.tsx';
import './sizes.css';

/**
 * The image sizes of the current selection, by country and by machine (when any image has one),
 * read from the PNG headers as they arrive.
 */
export function SizeTables() {
  const summary = useSizeSummary();
  const pass = useHeaderPass();
  const id = useId();
  if (summary === null) return null;

  return (
    <section className="sizes" aria-labelledby={`${id}-title`}>
      <h2 className="sizes__title" id={`${id}-title`}>
        Image sizes
      </h2>
      <div className="sizes__notes" id={`${id}-note`}>
        <p>{passLine(pass)}</p>
        <p>
          Width and height: smallest – median – largest, in pixels. Share: of the images whose size
          is known.
        </p>
      </div>
      <SizeTable
        caption="Image sizes by country"
        groupHeader="Country"
        groups={summary.byCountry}
        busy={pass.reading}
        describedBy={`${id}-note`}
      />
      {summary.byMachine.length > 0 && (
        <SizeTable
          caption="Image sizes by machine"
          groupHeader="Machine"
          groups={summary.byMachine}
          busy={pass.reading}
          describedBy={`${id}-note`}
        />
      )}
    </section>
  );
}

function passLine({ reading, toCome, images }: HeaderPass): string {
  if (images === 0) return 'The folder holds none of the images: their sizes are unknown.';
  const of = `${formatCount(toCome)} of ${formatCount(images)}`;
  if (reading) return `Reading image headers: ${of} still to come.`;
  if (toCome > 0) return `Reading image headers was stopped: ${of} not read.`;
  return 'Read from each image’s header.';
}

export default SizeTables;
