// How the explorer draws each entity type: a colour (Okabe–Ito, readable by most colour-blind people) and a
// shape, so types stay distinguishable in grey print too.
import type { StylesheetJson } from 'cytoscape';

export interface TypeLook {
  colour: string;
  shape:
    | 'ellipse'
    | 'round-rectangle'
    | 'hexagon'
    | 'diamond'
    | 'octagon'
    | 'round-triangle'
    | 'star'
    | 'rectangle';
}

export const TYPE_LOOKS: Record<string, TypeLook> = {
  Person: { colour: '#0072B2', shape: 'ellipse' },
  Organization: { colour: '#009E73', shape: 'round-rectangle' },
  Country: { colour: '#999999', shape: 'hexagon' },
  Dialogue: { colour: '#D55E00', shape: 'diamond' },
  DialogueSeries: { colour: '#E69F00', shape: 'octagon' },
  Theme: { colour: '#CC79A7', shape: 'round-triangle' },
  Agreement: { colour: '#F0E442', shape: 'star' },
  Source: { colour: '#56B4E9', shape: 'rectangle' },
};
const FALLBACK: TypeLook = { colour: '#555555', shape: 'ellipse' };

export function lookOf(type: string): TypeLook {
  return TYPE_LOOKS[type] ?? FALLBACK;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': FALLBACK.colour,
      shape: FALLBACK.shape,
      width: 26,
      height: 26,
      'border-width': 1,
      'border-color': '#ffffff',
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 11,
      color: '#1d2330',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      // Labels too small to read are not drawn: keeps big graphs fast and uncluttered when zoomed out.
      'min-zoomed-font-size': 7,
    },
  },
  // One selector per type rather than a function: Cytoscape caches selector styles, which matters at 1,000 nodes.
  ...Object.entries(TYPE_LOOKS).map(([type, look]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': look.colour, shape: look.shape },
  })),
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1d2330' } },
  // The border marks the selection; Cytoscape's default press overlay would also paint a square around shapes.
  { selector: 'node:active', style: { 'overlay-opacity': 0 } },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#0b5cad', 'font-weight': 'bold', 'z-index': 10 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#aab1bd',
      'target-arrow-color': '#aab1bd',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
    },
  },
  { selector: 'edge[type = "MENTIONS"]', style: { 'line-style': 'dotted' } },
  {
    selector: 'edge:selected',
    style: {
      width: 3,
      'line-color': '#0b5cad',
      'target-arrow-color': '#0b5cad',
      label: 'data(type)',
      'font-family': FONT,
      'font-size': 10,
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
    },
  },
];
