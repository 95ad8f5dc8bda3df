// The viewer's shared state and its events: one ViewerSession per page, handed to every panel module so they talk
// through it rather than to each other (contract in ./README.md, "Session"). The server checks every write again:
// `rights` only decides which controls are shown.

const flag = (value) => value === '1' || value === 'true';

const NO_RIGHTS = Object.freeze({ participate: false, administer: false });

export class ViewerSession extends EventTarget {
  /**
   * @param root the page's #viewer element (its data-* attributes are the project's settings)
   * @param parts { viewer, stage, canvas, actions (FloatingActions), layerPanel (LayerPanel) }
   */
  constructor(root, parts) {
    super();
    const data = root.dataset;
    this.root = root;
    Object.assign(this, parts);
    this.projectId = data.project ? Number(data.project) : null;
    this.userId = data.user ? Number(data.user) : null;
    this.shareToken = data.shareToken || null;
    /** Read-only page (a share link): nothing to submit, draw or edit whatever the API says. */
    this.readOnly = flag(data.readonly) || Boolean(this.shareToken);
    this.settings = {
      darkMode: flag(data.darkmode),
      expandControls: flag(data.expandcontrols),
      expandLayer: flag(data.expandlayer),
      expandAnnotation: flag(data.expandannotation),
      expandClassification: flag(data.expandclassification),
      expandComment: flag(data.expandcomment),
      fastAnnotation: flag(data.fastannotation),
      annotationExclusive: flag(data.annotationexclusive),
      classificationExclusive: flag(data.classificationexclusive),
      classificationAsLetter: data.clastype === 'l',
      defaultLayer: data.defaultlayer ?? '',
      groupControls: flag(data.groupcontrols),
    };
    /** The open annotation as api.js loaded it (layers, labels, status, classifications, rights), or null. */
    this.annotation = null;
    this.activeLayerId = null;
    this.hiddenLayers = new Set();
    /** Ids of the open annotation's layers that have comments (the notes icons); comment-panel.js keeps it. */
    this.commentedLayers = new Set();
    /** The category the sidebar shows (null: none selected). */
    this.categoryId = null;
  }

  /** The caller's rights on the open annotation: { participate, administer }; none on a read-only page. */
  get rights() {
    if (this.readOnly || !this.annotation?.rights) return NO_RIGHTS;
    return this.annotation.rights;
  }

  /** viewer-page.js: an annotation was opened (or closed, with null). Fires 'annotation' { annotation }. */
  setAnnotation(annotation) {
    this.annotation = annotation;
    this.activeLayerId = null;
    this.hiddenLayers = new Set();
    this.commentedLayers = new Set();
    this.emit('annotation', { annotation });
  }

  /** The layer drawing and comments apply to (a layer id, or null). Fires 'activelayer' { layerId }. */
  setActiveLayer(layerId) {
    const id = layerId === null || layerId === undefined ? null : Number(layerId);
    if (id === this.activeLayerId) return;
    this.activeLayerId = id;
    this.emit('activelayer', { layerId: id });
  }

  /** A drawing layer's eye. Fires 'layervisibility' { layerId, visible }. */
  setLayerVisible(layerId, visible) {
    const id = Number(layerId);
    if (visible) this.hiddenLayers.delete(id);
    else this.hiddenLayers.add(id);
    this.emit('layervisibility', { layerId: id, visible: Boolean(visible) });
  }

  /** Which layers have comments. Fires 'comments' { layerIds } (layer rows show or hide their notes icon). */
  setCommentedLayers(layerIds) {
    this.commentedLayers = new Set([...layerIds].map(Number));
    this.emit('comments', { layerIds: [...this.commentedLayers] });
  }

  /** The open annotation's layers changed (a drawing layer added or deleted). Fires 'layers' { layers }. */
  setLayers(layers) {
    if (!this.annotation) return;
    this.annotation = { ...this.annotation, layers };
    this.emit('layers', { layers });
  }

  /**
   * Something a badge shows changed on an annotation: { status, labels, classifications, hasComments, shared }, any
   * subset. Fires 'annotationchange' { annotationId, changes }; the sidebar and grid update their badges.
   */
  annotationChanged(annotationId, changes) {
    if (this.annotation && String(this.annotation.id) === String(annotationId)) {
      this.annotation = { ...this.annotation, ...changes };
    }
    this.emit('annotationchange', { annotationId: Number(annotationId), changes });
  }

  /** The sidebar shows this category (its list, or its grid). Fires 'category' { categoryId } (live-events.js follows it). */
  showCategory(categoryId) {
    const id = categoryId === null || categoryId === undefined ? null : Number(categoryId);
    if (id === this.categoryId) return;
    this.categoryId = id;
    this.emit('category', { categoryId: id });
  }

  /** Asks the page to open an annotation (grid cards, the Next button). Fires 'open' { annotationId }. */
  open(annotationId) {
    this.emit('open', { annotationId: Number(annotationId) });
  }

  /** Asks the page to close the open annotation (a category chosen in the sidebar). Fires 'close'. */
  closeAnnotation() {
    this.emit('close', {});
  }

  /** Asks the sidebar for the next annotation still needing labels, and opens it. Fires 'next'. */
  openNext() {
    this.emit('next', {});
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
