export function About() {
  return (
    <section className="about" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <p>
        Planescope opens a downloaded dataset folder (the PNG images and their CSV) and shows every
        image with its plane, brain plane, operator, machine, country and train/test split, so that
        you can browse it, count it and find what is wrong with it before you train on it.
      </p>
      <p>
        Nothing leaves your machine: there is no upload, no analytics and no third-party server, and
        the folder is opened read-only.
      </p>
      <h3>Datasets it reads</h3>
      <ul className="about__datasets">
        <li>
          <strong>FETAL_PLANES_DB</strong>: X. P. Burgos-Artizzu et al., “Evaluation of deep
          convolutional neural networks for automatic classification of common maternal fetal
          ultrasound planes”, <em>Scientific Reports</em> 10, 10200 (2020). Zenodo record 3904280.
        </li>
        <li>
          <strong>African planes</strong>: M. Sendra-Balcells et al., “Generalisability of fetal
          ultrasound deep learning models to low-resource imaging settings in five African
          countries”, <em>Scientific Reports</em> 13, 2728 (2023). Zenodo record 7540448.
        </li>
      </ul>
      <p>Both datasets are published under the Creative Commons Attribution 4.0 licence.</p>
    </section>
  );
}
