// Builds the front-end assets into src/Safeguarding.Web/wwwroot/assets (the output is committed).
//
//   node frontend/build.mjs           build and write wwwroot/assets
//   node frontend/build.mjs --check   build into a temporary folder and compare it byte for byte
//                                     with the committed wwwroot/assets; exit 1 listing stale files
//
// The build is reproducible: the same sources and package versions give byte-identical output
// (no timestamps, no source maps, files listed in sorted order, LF line endings from sources).
import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outputDirectory = path.join(root, "src", "Safeguarding.Web", "wwwroot", "assets");

const govukFrontend = path.join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const mojFrontend = path.join(root, "node_modules", "@ministryofjustice", "frontend", "moj");

// Files we take from the packages. No fonts (we use Arial) and no crown logotype.
const govukImages = [
  "favicon.ico",
  "favicon.svg",
  "govuk-crest.svg", // referenced by the footer styles (copyright logo) so that every url() resolves
  "govuk-icon-180.png",
  "govuk-icon-192.png",
  "govuk-icon-512.png",
  "govuk-icon-mask.svg",
];
// From MoJ Frontend only the component icons, not its logotypes, crests and touch icons.
const isMojComponentIcon = (name) => name.startsWith("icon-");

async function main() {
  const check = process.argv.includes("--check");
  await assertInstalledVersions();

  const files = await buildAll();

  if (check) {
    const temporary = await mkdtemp(path.join(tmpdir(), "safeguarding-assets-"));
    try {
      await writeOutput(files, temporary);
      const stale = await compareDirectories(temporary, outputDirectory);
      if (stale.length > 0) {
        console.error("Front-end assets in src/Safeguarding.Web/wwwroot/assets are stale:");
        for (const line of stale) console.error(`  ${line}`);
        console.error("Run `npm ci && npm run build` and commit the result.");
        process.exitCode = 1;
        return;
      }
      console.log(`Front-end assets are up to date (${files.size} files).`);
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
    return;
  }

  await rm(outputDirectory, { recursive: true, force: true });
  await writeOutput(files, outputDirectory);
  console.log(`Wrote ${files.size} files to ${path.relative(root, outputDirectory)}`);
}

/** Builds every output file in memory: relative path (with "/") → contents. */
async function buildAll() {
  const files = new Map();

  files.set("css/application.css", compileStyles());

  files.set("js/govuk-frontend.min.js", withoutSourceMapComment(await readFile(path.join(govukFrontend, "govuk-frontend.min.js"))));
  files.set("js/moj-frontend.min.js", withoutSourceMapComment(await readFile(path.join(mojFrontend, "moj-frontend.min.js"))));
  files.set("js/application.mjs", await readFile(path.join(root, "frontend", "js", "application.mjs")));

  files.set("manifest.json", await readFile(path.join(govukFrontend, "assets", "manifest.json")));
  for (const name of govukImages) {
    files.set(`images/${name}`, await readFile(path.join(govukFrontend, "assets", "images", name)));
  }
  for (const name of await sortedFileNames(path.join(mojFrontend, "assets", "images"))) {
    if (!isMojComponentIcon(name)) continue;
    if (files.has(`images/${name}`)) throw new Error(`Image name clash: ${name}`);
    files.set(`images/${name}`, await readFile(path.join(mojFrontend, "assets", "images", name)));
  }
  for (const name of await sortedFileNames(path.join(root, "frontend", "images"))) {
    if (files.has(`images/${name}`)) throw new Error(`Image name clash: ${name}`);
    files.set(`images/${name}`, await readFile(path.join(root, "frontend", "images", name)));
  }

  // The layout versions application.mjs (asp-append-version); version what it imports here.
  files.set("js/application.mjs", withVersionedImports(files.get("js/application.mjs"), files));

  return new Map([...files].sort(([a], [b]) => compareOrdinal(a, b)));
}

function compileStyles() {
  const result = sass.compile(path.join(root, "frontend", "scss", "application.scss"), {
    style: "compressed",
    sourceMap: false,
    loadPaths: [root], // MoJ Frontend loads GOV.UK Frontend as "node_modules/govuk-frontend/..."
    importers: [new sass.NodePackageImporter(root)],
    quietDeps: true,
    logger: {
      // Show warnings about our own Sass; the packages' own deprecation notices are not ours to fix.
      warn(message, options) {
        const firstFrame = (options.stack ?? "").split("\n").map((line) => line.trim())
          .find((line) => line.length > 0 && !line.startsWith("node_modules/govuk-frontend/"));
        if (firstFrame?.startsWith("node_modules/")) return;
        console.warn(`Sass warning: ${message}\n${options.stack ?? ""}`);
      },
    },
  });
  let css = result.css;
  if (!css.endsWith("\n")) css += "\n";
  return Buffer.from(css, "utf8");
}

function withoutSourceMapComment(contents) {
  // The packages' source maps are not copied, so drop the comment that points at them.
  const text = contents.toString("utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "");
  return Buffer.from(`${text}\n`, "utf8");
}

/** Adds ?v=(content hash) to imports of our own assets, so browsers never mix old and new files. */
function withVersionedImports(contents, files) {
  const text = contents.toString("utf8").replace(/from "\/assets\/([^"?]+)"/g, (_, relative) => {
    const imported = files.get(relative);
    if (!imported) throw new Error(`application.mjs imports /assets/${relative}, which the build does not produce`);
    const version = createHash("sha256").update(imported).digest("hex").slice(0, 12);
    return `from "/assets/${relative}?v=${version}"`;
  });
  return Buffer.from(text, "utf8");
}

async function writeOutput(files, directory) {
  for (const [relative, contents] of files) {
    const target = path.join(directory, ...relative.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
}

/** Lists differences between the fresh build and the committed output, sorted. */
async function compareDirectories(expectedDirectory, actualDirectory) {
  const expected = await listFiles(expectedDirectory);
  const actual = await listFiles(actualDirectory);
  const all = [...new Set([...expected, ...actual])].sort(compareOrdinal);
  const stale = [];
  for (const relative of all) {
    if (!actual.includes(relative)) {
      stale.push(`${relative} (missing)`);
    } else if (!expected.includes(relative)) {
      stale.push(`${relative} (not produced by the build; remove it)`);
    } else {
      const [a, b] = await Promise.all([
        readFile(path.join(expectedDirectory, relative)),
        readFile(path.join(actualDirectory, relative)),
      ]);
      if (!a.equals(b)) stale.push(`${relative} (differs)`);
    }
  }
  return stale;
}

/** Every file under a directory as a relative path with "/", sorted; empty if it does not exist. */
async function listFiles(directory) {
  let entries;
  try {
    entries = await readdir(directory, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort(compareOrdinal);
}

async function sortedFileNames(directory) {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort(compareOrdinal);
}

function compareOrdinal(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The output depends on the exact package versions, so refuse to build with others installed. */
async function assertInstalledVersions() {
  const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
  const wrong = [];
  for (const [name, wanted] of Object.entries(manifest.devDependencies ?? {})) {
    let installed;
    try {
      const packageJson = await readFile(path.join(root, "node_modules", ...name.split("/"), "package.json"), "utf8");
      installed = JSON.parse(packageJson).version;
    } catch {
      installed = "not installed";
    }
    if (installed !== wanted) wrong.push(`${name}: wanted ${wanted}, found ${installed}`);
  }
  if (wrong.length > 0) {
    throw new Error(`Installed packages do not match package.json (run \`npm ci\`):\n  ${wrong.join("\n  ")}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
