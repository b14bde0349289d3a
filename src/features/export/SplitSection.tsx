import { SPLIT_PART_LABEL } from '../../core/export/index.ts';
import { formatCount } from '../../core/format.ts';
import { SPLIT_PARTS } from '../../core/resplit.ts';
import { DATASET_LABEL } from '../../core/types.ts';
import type { OpenData } from '../../state/app.ts';
import { csvFileName, saveCsvOf, splitCsvExports } from '../../state/export.ts';
import { BalanceTables } from './BalanceTables.tsx';
import { ExportAction, ExportSection } from './ExportSection.tsx';
import { SavingLine } from './SavingLine.tsx';
import { useNewSplit } from './useNewSplit.ts';
import { useSaving } from './useSaving.ts';
import type { Subset } from './useSubset.ts';

const THREE = 'Train 1 for train and validation, 0 for test, and a Split column naming the part';
const TWO = 'Train 1 for train, 0 for test';

function splitFileName(csvFile: string, label: string): string {
  return csvFileName(csvFile).replace(/(\.csv)?$/i, `_split-${label}.csv`);
}

/**
 * A new train / validation / test split of the subset, patients kept whole and planes spread
 * evenly, its balance beside the published split's, saved in each dataset's own CSV format.
 */
export function SplitSection({
  data,
  subset,
}: {
  readonly data: OpenData;
  readonly subset: Subset;
}) {
  const { form, edit, split, published, stale } = useNewSplit(data, subset.ids);
  const saving = useSaving();
  const busy = saving.state.kind === 'running';

  const save = (csvFile: string) => {
    if (!split.ok) return;
    const name = splitFileName(csvFile, split.label);
    return saving.run(name, () => saveCsvOf(splitCsvExports(data, split.parts), csvFile, name));
  };

  return (
    <ExportSection title="New split">
      <p className="export-section__note">
        {`The ${formatCount(subset.ids.length)} images above in train, validation and test ` +
          'parts of whole patients (no patient in two parts), each plane’s share of a part as ' +
          'close as it can be to its share of them all. The same seed gives the same split.'}
      </p>
      <div className="export-fields">
        {SPLIT_PARTS.map((part) => (
          <label key={part}>
            {SPLIT_PART_LABEL[part]} %
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              value={form[part]}
              onChange={(event) => edit(part, event.currentTarget.value)}
            />
          </label>
        ))}
        <label>
          Seed
          <input
            type="number"
            min={0}
            step={1}
            value={form.seed}
            onChange={(event) => edit('seed', event.currentTarget.value)}
          />
        </label>
      </div>
      {!split.ok ? (
        <p className="export-status export-status--failed" role="alert">
          {split.reason}
        </p>
      ) : (
        <>
          <div aria-busy={stale}>
            <BalanceTables split={split.balance} published={published} />
          </div>
          <ul className="export-actions">
            {subset.perSource.map(({ source }) => (
              <ExportAction
                key={source.csvFile}
                label={`Save ${csvFileName(source.csvFile)} with the new split`}
                disabled={busy || stale}
                onClick={() => void save(source.csvFile)}
              >
                {DATASET_LABEL[source.dataset]} in its own format as “
                {splitFileName(source.csvFile, split.label)}”: {split.threeWay ? THREE : TWO}
              </ExportAction>
            ))}
          </ul>
        </>
      )}
      <SavingLine state={saving.state} onCancel={saving.cancel} />
    </ExportSection>
  );
}
