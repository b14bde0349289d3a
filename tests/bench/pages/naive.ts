// The peer to beat: what a page with no care for scale does with the folder. One lazy <img> per
// PNG on a blob URL, every tile appended at once, and the browser left to cope.
import { folderInput, pngsInPathOrder } from './page.ts';

const input = folderInput();
const grid = document.getElementById('grid');
input.addEventListener('change', () => {
  if (grid === null || input.files === null) return;
  const tiles = document.createDocumentFragment();
  for (const { file } of pngsInPathOrder(input.files)) {
    const tile = document.createElement('div');
    tile.className = 'tile';
    const image = document.createElement('img');
    // Before src: an image given its src first starts loading at once, lazy or not.
    image.loading = 'lazy';
    image.decoding = 'async';
    image.alt = '';
    image.src = URL.createObjectURL(file);
    tile.append(image);
    tiles.append(tile);
  }
  window.naiveTiles = tiles.childNodes.length;
  grid.replaceChildren(tiles);
});
window.benchReady = true;
