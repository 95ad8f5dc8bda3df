// The sidebar's reads: a page of a category's annotations with their badges and preview (annotationsPage, batched
// on the server: a page costs the same few queries however many annotations the category holds), and the
// category's classifications (what the classification badge numbers or abbreviates).

import { graphql } from './api.js';

/** Annotations per page of the sidebar's list and the grid (the API allows up to 100). */
export const PAGE_SIZE = 25;

const ENTRY_FIELDS = `id name categoryId status needsLabels hasComments shared previewUrl
  classifications { classificationId option chosenById }`;

const PAGE_QUERY = `query SidebarPage($c: Long!, $o: Int!, $f: Int!) {
  annotationsPage(categoryId: $c, offset: $o, first: $f) { items { ${ENTRY_FIELDS} } hasMore total } }`;

const FIRST_PAGE_QUERY = `query SidebarFirstPage($c: Long!, $f: Int!) {
  annotationsPage(categoryId: $c, offset: 0, first: $f) { items { ${ENTRY_FIELDS} } hasMore total }
  categoryClassifications(categoryId: $c) { id name } }`;

const ENTRY_QUERY = `query SidebarEntry($id: Long!) { annotation(id: $id) { ${ENTRY_FIELDS} } }`;

/** `{ items, hasMore, total, classifications? }`: the first page also brings the category's classifications. */
export async function loadPage(categoryId, offset, { signal } = {}) {
  if (offset === 0) {
    const data = await graphql(FIRST_PAGE_QUERY, { c: Number(categoryId), f: PAGE_SIZE }, { signal });
    return { ...data.annotationsPage, classifications: data.categoryClassifications ?? [] };
  }
  const data = await graphql(PAGE_QUERY, { c: Number(categoryId), o: offset, f: PAGE_SIZE }, { signal });
  return data.annotationsPage;
}

/** One annotation's entry fields again (after a change another panel reported, for what it did not say). */
export async function loadEntry(annotationId, { signal } = {}) {
  const data = await graphql(ENTRY_QUERY, { id: Number(annotationId) }, { signal });
  return data.annotation;
}
