// One drawing layer's shapes as the page holds them: the list (its order is the ROI table's and what Save sends),
// the spatial index kept in step, the server version they came from, and undo/redo. Every change is an operation
// that knows its inverse, so undo after delete puts the shape back where it was in the list.

import { GridIndex } from './grid-index.js';

export class LayerState {
  constructor(layerId, shapes, version) {
    this.layerId = layerId;
    this.reset(shapes, version);
  }

  /** Replaces everything (a load, "Reload theirs"): history starts again, nothing unsaved. */
  reset(shapes, version) {
    this.shapes = shapes;
    this.index = new GridIndex(shapes);
    this.version = version;
    this.done = [];
    this.undone = [];
    this.changes = 0;      // operations since the last load or save (negative after undoing past it)
    this.savedLost = false; // the saved state cannot be reached by undo/redo any more
  }

  get dirty() { return this.savedLost || this.changes !== 0; }

  add(shape, at = this.shapes.length) { this.#apply({ kind: 'add', shape, at }); }

  remove(shape) {
    const at = this.shapes.indexOf(shape);
    if (at >= 0) this.#apply({ kind: 'remove', shape, at });
  }

  replace(before, after) {
    const at = this.shapes.indexOf(before);
    if (at >= 0) this.#apply({ kind: 'replace', shape: before, after, at });
  }

  undo() {
    const op = this.done.pop();
    if (!op) return null;
    this.#run(inverse(op));
    this.undone.push(op);
    this.changes--;
    return op;
  }

  redo() {
    const op = this.undone.pop();
    if (!op) return null;
    this.#run(op);
    this.done.push(op);
    this.changes++;
    return op;
  }

  /** After a save: what is here is what the server has. */
  saved(version) {
    this.version = version;
    // Undo still works after saving; undoing past the save makes the layer unsaved again.
    this.changes = 0;
    this.savedLost = false;
  }

  #apply(op) {
    this.#run(op);
    this.done.push(op);
    // A new change after undoing forgets the redo branch; if the saved state was on it, it is gone for good.
    if (this.undone.length && this.changes < 0) this.savedLost = true;
    this.undone = [];
    this.changes++;
  }

  #run(op) {
    if (op.kind === 'add') {
      this.shapes.splice(op.at, 0, op.shape);
      this.index.insert(op.shape);
    } else if (op.kind === 'remove') {
      this.shapes.splice(op.at, 1);
      this.index.remove(op.shape);
    } else {
      this.shapes[op.at] = op.after;
      this.index.remove(op.shape);
      this.index.insert(op.after);
    }
  }
}

function inverse(op) {
  if (op.kind === 'add') return { kind: 'remove', shape: op.shape, at: op.at };
  if (op.kind === 'remove') return { kind: 'add', shape: op.shape, at: op.at };
  return { kind: 'replace', shape: op.after, after: op.shape, at: op.at };
}
