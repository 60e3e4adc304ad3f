// The legend: each entity type's colour and shape, drawn as small SVGs matching the canvas.
import { TYPE_LOOKS, type TypeLook } from './graphStyle';
import { h } from './h';

const SVG = 'http://www.w3.org/2000/svg';

/** Outline of each Cytoscape shape in a 16×16 box. */
const OUTLINES: Record<TypeLook['shape'], string> = {
  ellipse: 'M8 1a7 7 0 1 0 0.01 0Z',
  'round-rectangle': 'M4 2h8a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H4a3 3 0 0 1-3-3V5a3 3 0 0 1 3-3Z',
  hexagon: 'M4 1.5h8L15.5 8 12 14.5H4L0.5 8Z',
  diamond: 'M8 0.5 15.5 8 8 15.5 0.5 8Z',
  octagon: 'M5 1h6l4 4v6l-4 4H5l-4-4V5Z',
  'round-triangle': 'M8 1.5 15 14.5H1Z',
  star: 'M8 0.5l2.2 5 5.3.4-4 3.6 1.2 5.3L8 12l-4.7 2.8 1.2-5.3-4-3.6 5.3-.4Z',
  rectangle: 'M1.5 2.5h13v11h-13Z',
};

function icon(look: TypeLook): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', OUTLINES[look.shape]);
  path.setAttribute('fill', look.colour);
  svg.append(path);
  return svg;
}

export function renderLegend(list: HTMLElement): void {
  list.replaceChildren(...Object.entries(TYPE_LOOKS).map(([type, look]) => h('li', {}, icon(look), type)));
}
