// Completion of the query language's keys (the dataset document's root keys and rules), with what each expects.
const rules = [
  ["want", "root: rules every image must satisfy"],
  ["exclude", "root: rules that remove an image"],
  ["include_obsolete", "root: true to keep replaced images"],
  ["has", "[objects]: any of them or a descendant"],
  ["has_object", "[objects]: exactly any of them"],
  ["nature", "[natures]"],
  ["licence", "[licence ids]"],
  ["author", "[user names]"],
  ["title", "text (case-insensitive substring)"],
  ["description", "text (case-insensitive substring)"],
  ["origin_url", "URL prefix without the protocol"],
  ["above_width", "pixels (inclusive)"],
  ["above_height", "pixels (inclusive)"],
  ["below_width", "pixels (inclusive)"],
  ["below_height", "pixels (inclusive)"],
  ["before_date", "Unix timestamp of upload"],
  ["after_date", "Unix timestamp of upload"],
  ["in_gallery", "[gallery ids]"],
  ["above_rating", "stars 1-5 (keeps unrated)"],
  ["below_rating", "stars 1-5"],
  ["above_rating_count", "count"],
  ["below_rating_count", "count"],
  ["above_region_count", "count"],
  ["below_region_count", "count"],
  ["copied_from", "[picture ids]"],
];

const options = rules.map(([label, detail]) => ({ label, detail, type: "keyword", apply: label + ": " }));

export function ruleCompletions(context) {
  const word = context.matchBefore(/[a-z_]+/);
  // Only where a key can stand: at a line's start or after "- ".
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, (word ? word.from : context.pos) - line.from);
  if (!/^\s*(-\s+)?$/.test(before)) return null;
  if (!word && !context.explicit) return null;
  return { from: word ? word.from : context.pos, options, validFor: /^[a-z_]*$/ };
}
