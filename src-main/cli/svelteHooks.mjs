// Node module hooks for the CLI (run by tsx): compile the report layout's .svelte files for the server,
// so the CLI renders the same component the app shows. Types in <script lang="ts"> are stripped by Svelte.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.svelte')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const source = await readFile(filename, 'utf8');
  const { js } = compile(source, { filename, generate: 'server', css: 'injected' });
  return { format: 'module', source: js.code, shortCircuit: true };
}
