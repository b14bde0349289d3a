import { useId } from 'react';
import { formatCount } from '../../core/format.ts';
import { DATASET_LABEL } from '../../core/types.ts';
import {
  canWriteFolder,
  copyIntoFolder,
  pickWritableFolder,
  saveBlob,
  saveZip,
  type SaveOutcome,
} from '../../io/save.ts';
import type { OpenData } from '../../state/app.ts';
import { useApp } from '../../state/derived.ts';
import {
  COMBINED_NAME,
  combinedCsvExport,
  csvBlob,
  csvFileName,
  sourceCsvExports,
  subsetFiles,
} from '../../state/export.ts';
import { SavingLine } from './SavingLine.tsx';
import { useSaving } from './useSaving.ts';
import type { Subset } from './useSubset.ts';

/** The images the filters keep, as each dataset's own CSV, the combined CSV, or files. */
export function SubsetSection({
  data,
  subset,
}: {
  readonly data: OpenData;
  readonly subset: Subset;
}) {
  const id = useId();
  const tags = useApp((state) => state.tags);
  const saving = useSaving();
  const { ids, excluded, dropExcluded, setDropExcluded } = subset;
  const perSource = data.sources
    .map((source) => ({
      source,
      rows: ids.filter((at) => data.index.records[at]?.csvFile === source.csvFile).length,
    }))
    .filter((entry) => entry.rows > 0);
  const busy = saving.state.kind === 'running';
  const zipName = `${data.name} subset.zip`;

  const saveSource = (csvFile: string) =>
    saving.run(`${csvFileName(csvFile)}`, async (): Promise<SaveOutcome> => {
      const written = await sourceCsvExports(data, ids);
      if (!written.ok) return { kind: 'failed', reason: written.reason };
      const own = written.value.find((csv) => csv.path === csvFile);
      if (own === undefined) return { kind: 'failed', reason: 'no row of it is shown' };
      return saveBlob(csvFileName(csvFile), csvBlob(own.text));
    });
  const saveCombined = () =>
    saving.run('The combined CSV', () =>
      saveBlob(COMBINED_NAME, csvBlob(combinedCsvExport(data, ids, tags).text)),
    );
  const copy = (how: 'folder' | 'zip') =>
    saving.run(how === 'folder' ? 'The copy' : 'The zip', async (signal, progress) => {
      const files = await subsetFiles(data, ids, tags);
      if (!files.ok) return { kind: 'failed', reason: files.reason };
      if (how === 'zip') return saveZip(zipName, files.value, signal, progress);
      const folder = await pickWritableFolder(data.handle);
      if (folder.kind === 'cancelled') return folder;
      if (folder.kind !== 'picked') return { kind: 'failed', reason: folder.reason };
      return copyIntoFolder(folder.handle, files.value, signal, progress);
    });

  return (
    <section className="export-section" aria-labelledby={`${id}-title`}>
      <h3 className="export-section__title" id={`${id}-title`}>
        Images shown
      </h3>
      <p className="export-section__note">
        {formatCount(ids.length)} {ids.length === 1 ? 'image' : 'images'}: what the filters keep
        {dropExcluded && excluded > 0
          ? `, without the ${formatCount(excluded)} tagged “exclude”`
          : ''}
        .
      </p>
      {excluded > 0 && (
        <label className="export-option">
          <input
            type="checkbox"
            checked={dropExcluded}
            onChange={(event) => setDropExcluded(event.currentTarget.checked)}
          />
          Leave out the images tagged “exclude” ({formatCount(excluded)})
        </label>
      )}
      {ids.length === 0 ? (
        <p className="export-section__empty">No image to export: change the filters.</p>
      ) : (
        <>
          <h4 className="export-section__subtitle">As CSV</h4>
          <ul className="export-actions">
            {perSource.map(({ source, rows }) => (
              <li key={source.csvFile}>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void saveSource(source.csvFile)}
                >
                  Save {csvFileName(source.csvFile)}
                </button>
                <span className="export-actions__what">
                  {DATASET_LABEL[source.dataset]}: {formatCount(rows)} {rows === 1 ? 'row' : 'rows'}{' '}
                  in the dataset’s own format, for its training scripts as they are
                </span>
              </li>
            ))}
            <li>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void saveCombined()}
              >
                Save {COMBINED_NAME}
              </button>
              <span className="export-actions__what">
                Both datasets in one table of shared columns, with image sizes and tags
              </span>
            </li>
          </ul>
          <h4 className="export-section__subtitle">With the images</h4>
          <ul className="export-actions">
            {canWriteFolder() && (
              <li>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void copy('folder')}
                >
                  Copy into a folder…
                </button>
                <span className="export-actions__what">
                  The images at their paths, each dataset’s CSV with their rows, and {COMBINED_NAME}
                  ; never into the dataset folder
                </span>
              </li>
            )}
            <li>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void copy('zip')}
              >
                Save as zip
              </button>
              <span className="export-actions__what">The same files in “{zipName}”</span>
            </li>
          </ul>
        </>
      )}
      <SavingLine state={saving.state} onCancel={saving.cancel} />
    </section>
  );
}
