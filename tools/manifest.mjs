// Writes dist/manifest.json: every file the page loads, with its size in bytes, so the
// loading screen can show real progress whatever the server says about lengths.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2];
const files = {};
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name !== 'manifest.json') files[relative(dist, path).split('\\').join('/')] = statSync(path).size;
  }
};
walk(dist);
writeFileSync(join(dist, 'manifest.json'), JSON.stringify({ files }, null, 1) + '\n');
