// A tab list as the ARIA authoring practices describe it: one tab in the Tab order, arrows and Home/End move between
// tabs, the selected tab shows its panel. Returns { select(id) } for the page.
export function tabs(list) {
  const all = [...list.querySelectorAll("[role=tab]")];
  function select(id, focus = false) {
    for (const tab of all) {
      const selected = tab.id === id;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !selected;
      if (selected && focus) tab.focus();
    }
  }
  list.addEventListener("click", (event) => {
    const tab = event.target.closest("[role=tab]");
    if (tab) select(tab.id);
  });
  list.addEventListener("keydown", (event) => {
    const index = all.indexOf(document.activeElement);
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(all[(next + all.length) % all.length].id, true);
  });
  return { select };
}
