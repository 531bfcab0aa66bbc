// `node --import ./refuse-typescript.mjs …`: installs refuse-typescript-hooks.mjs before the program starts.
import { register } from 'node:module';

register('./refuse-typescript-hooks.mjs', import.meta.url);
