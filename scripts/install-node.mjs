#!/usr/bin/env node
// Installs the pinned Node.js (.node-version) for this machine from the npm registry into .cache/node/ and prints
// the folder to put first on PATH. Usage: PATH="$(node scripts/install-node.mjs):$PATH"
import { dirname } from 'node:path';
import { ensureNodeBinary, hostTarget, pinnedNodeVersion } from './node-runtime.mjs';

const binary = ensureNodeBinary(hostTarget(), pinnedNodeVersion());
console.log(dirname(binary));
