// Builds ../countries.tsv from CLDR (cldr-localenames-full, Unicode-3.0 licence) and the
// hand-written overlay countries_extra.tsv. Run by hand:
//   npm install --prefix /tmp/cldr cldr-localenames-full
//   node tools/build_countries.js /tmp/cldr/node_modules/cldr-localenames-full > countries.tsv
const fs = require("fs");
const path = require("path");
const root = process.argv[2];
const load = (loc) =>
  JSON.parse(fs.readFileSync(path.join(root, "main", loc, "territories.json"), "utf8")).main[loc]
    .localeDisplayNames.territories;
const ar = load("ar");
const en = load("en");
const extra = {};
for (const line of fs.readFileSync(path.join(__dirname, "countries_extra.tsv"), "utf8").split("\n")) {
  if (!line || line.startsWith("#")) continue;
  const f = line.split("\t");
  extra[f[0]] = f;
}
// Not countries: regions, groupings, test and unknown codes, dependencies we skip.
const skip = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA",
  "UM", "AQ", "BV", "HM", "GS", "TF", "IO", "CQ"]);
const out = ["# iso\twikidata\tname_ar\tname_en\tvariants\tadj_m\tadj_f\tadj_pl\tcapital_ar\tcapital_en\tcapital_wikidata"];
for (const code of Object.keys(ar).filter((k) => /^[A-Z]{2}$/.test(k)).sort()) {
  if (skip.has(code)) continue;
  const x = extra[code] || [code, "", "", "", "", "", "", "", ""];
  const variants = new Set(x[2] ? x[2].split("|") : []);
  for (const alt of ["-alt-short", "-alt-variant"]) if (ar[code + alt]) variants.add(ar[code + alt]);
  variants.delete(ar[code]);
  out.push([code, x[1], ar[code], en[code], [...variants].join("|"), x[3], x[4], x[5], x[6], x[7], x[8]].join("\t"));
}
process.stdout.write(out.join("\n") + "\n");
