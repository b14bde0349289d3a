// The published vocabulary of both datasets, as their CSVs write it.

export const FETAL_COLUMNS = [
  'Image_name',
  'Patient_num',
  'Plane',
  'Brain_plane',
  'Operator',
  'US_Machine',
  'Train',
] as const;

export const AFRICAN_COLUMNS = ['Patient_num', 'Plane', 'Train', 'Center', 'Filename'] as const;

export type FetalColumn = (typeof FETAL_COLUMNS)[number];
export type AfricanColumn = (typeof AFRICAN_COLUMNS)[number];

/** `PlaneN` in a FETAL_PLANES_DB file name, mapped to its Plane value. */
export const FETAL_PLANE_BY_NUMBER: Readonly<Record<string, string>> = {
  '1': 'Other',
  '2': 'Fetal abdomen',
  '3': 'Fetal brain',
  '4': 'Maternal cervix',
  '5': 'Fetal femur',
  '6': 'Fetal thorax',
};

export const FETAL_PLANES: ReadonlySet<string> = new Set(Object.values(FETAL_PLANE_BY_NUMBER));

export const BRAIN_PLANES: ReadonlySet<string> = new Set([
  'Trans-thalamic',
  'Trans-cerebellum',
  'Trans-ventricular',
  'Other',
]);

export const NOT_A_BRAIN = 'Not A Brain';
/** The only Brain_plane a row of any plane but Fetal brain may carry. */
export const NON_BRAIN_PLANES: ReadonlySet<string> = new Set([NOT_A_BRAIN]);
export const FETAL_BRAIN = 'Fetal brain';

export const OPERATORS: ReadonlySet<string> = new Set(['Op. 1', 'Op. 2', 'Op. 3', 'Other']);

export const MACHINES: ReadonlySet<string> = new Set([
  'Voluson E6',
  'Voluson S10',
  'Aloka',
  'Other',
]);

/** `planeN` in an African file name, mapped to its Plane value. */
export const AFRICAN_PLANE_BY_NUMBER: Readonly<Record<string, string>> = {
  '0': 'Fetal abdomen',
  '1': 'Fetal brain',
  '2': 'Fetal femur',
  '3': 'Fetal thorax',
};

/** The African centres (countries) by the three-letter code their file names carry. */
export const AFRICAN_COUNTRY_BY_CODE: Readonly<Record<string, string>> = {
  DZA: 'Algeria',
  EGY: 'Egypt',
  GHA: 'Ghana',
  MWI: 'Malawi',
  UGA: 'Uganda',
};

export const AFRICAN_PLANES: ReadonlySet<string> = new Set(Object.values(AFRICAN_PLANE_BY_NUMBER));
export const AFRICAN_COUNTRIES: ReadonlySet<string> = new Set(
  Object.values(AFRICAN_COUNTRY_BY_CODE),
);

export const FETAL_COUNTRY = 'Spain';

export const FETAL_NAME = /^Patient(\d{5})_Plane(\d+)_(\d+)_of_(\d+)$/;
export const AFRICAN_NAME = /^patient(\d{3})_([A-Z]{3})_plane(\d)$/;
