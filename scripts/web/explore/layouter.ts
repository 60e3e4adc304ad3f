// Keeps the view laid out: whenever nodes are added, the layout worker places them with every node already placed
// held fixed (so expanding never reshuffles what the analyst has seen). One layout runs at a time; nodes added
// meanwhile are placed by the next one.
import type { Core, NodeCollection } from 'cytoscape';
import type { LayoutRequest, LayoutResult } from './layoutProtocol';
import LayoutWorker from './layoutWorker?worker';

/** Up to this many nodes, new nodes glide to their places; beyond, they jump (animation costs frames). */
const ANIMATE_UP_TO = 300;
/**
 * Longest wait for the glide and the zoom-out (300 + 250 ms of animation) before the view counts as arranged
 * anyway; generous, since a busy machine draws few frames and the animations end on a frame.
 */
const SETTLE_CAP_MS = 5000;
/** Fitting a small graph would blow labels up; stop zooming in at this level. */
const MAX_FIT_ZOOM = 1.2;

export class Layouter {
  private worker = new LayoutWorker();
  private readonly placed = new Set<string>();
  private job = 0;
  private running = false;

  constructor(
    private readonly cy: Core,
    private readonly settled: () => void,
  ) {
    this.worker.onmessage = (e: MessageEvent<LayoutResult>) => this.apply(e.data);
  }

  get arranging(): boolean {
    return this.running;
  }

  /** Forgets everything (a new view); a layout still running for the old one is abandoned. */
  reset(): void {
    this.placed.clear();
    this.job++; // results and glides of the old view are ignored
    if (this.running) {
      this.worker.terminate();
      this.worker = new LayoutWorker();
      this.worker.onmessage = (e: MessageEvent<LayoutResult>) => this.apply(e.data);
      this.running = false;
    }
  }

  /** Lays out the nodes not placed yet (now, or after the layout under way). */
  update(): void {
    if (this.running || this.unplaced().empty()) return;
    this.running = true;
    const request: LayoutRequest = {
      job: ++this.job,
      nodes: this.cy
        .nodes()
        .map((n) => ({ id: n.id(), position: { ...n.position() }, fixed: this.placed.has(n.id()) })),
      edges: this.cy
        .edges()
        .map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })),
      randomize: this.placed.size === 0,
    };
    this.worker.postMessage(request);
  }

  private unplaced(): NodeCollection {
    return this.cy.nodes().filter((n) => !this.placed.has(n.id()));
  }

  private apply(result: LayoutResult): void {
    if (result.job !== this.job) return;
    if (!result.final) {
      this.cy.batch(() =>
        this.cy.nodes().forEach((n) => void n.position(result.positions[n.id()] ?? n.position())),
      );
      this.fit();
      return;
    }
    const first = this.placed.size === 0;
    const moved = this.unplaced().filter((n) => result.positions[n.id()] !== undefined);
    moved.forEach((n) => {
      this.placed.add(n.id());
    });
    const at = (n: { id(): string }) => result.positions[n.id()] ?? { x: 0, y: 0 };
    // The view counts as arranged (status "ready") only once nodes and viewport have stopped moving: a click
    // aimed at a node while it still glides would land elsewhere.
    let done: Promise<void>;
    if (first || this.cy.nodes().length > ANIMATE_UP_TO) {
      this.cy.batch(() => moved.forEach((n) => void n.position(at(n))));
      if (first) this.fit();
      done = first ? Promise.resolve() : this.keepInView(moved);
    } else {
      const positions = result.positions;
      const glide = moved.layout({
        name: 'preset',
        positions,
        animate: true,
        animationDuration: 300,
        fit: false,
      });
      const stopped = glide.promiseOn('layoutstop');
      glide.run();
      done = stopped.then(() => this.keepInView(moved));
    }
    // An animation whose elements are removed mid-way (a filter redraw) may never report back: never wait longer.
    const cap = new Promise<void>((resolve) => setTimeout(resolve, SETTLE_CAP_MS));
    void Promise.race([done, cap]).then(() => {
      if (result.job !== this.job) return; // reset meanwhile
      this.running = false;
      this.update();
      this.settled();
    });
  }

  private fit(): void {
    this.cy.fit(undefined, 30);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center();
    }
  }

  /** After an expansion, zooms out only when new nodes land outside the viewport; resolves when still. */
  private keepInView(added: NodeCollection): Promise<void> {
    const ext = this.cy.extent();
    const box = added.boundingBox();
    if (box.x1 >= ext.x1 && box.x2 <= ext.x2 && box.y1 >= ext.y1 && box.y2 <= ext.y2)
      return Promise.resolve();
    return new Promise((resolve) =>
      this.cy.animate({
        fit: { eles: this.cy.elements(), padding: 30 },
        duration: 250,
        complete: () => resolve(),
      }),
    );
  }
}
