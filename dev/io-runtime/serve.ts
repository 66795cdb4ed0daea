// Runs the built app with @vtex/api's own startApp(), the entry point IO uses: a primary
// process that forks the workers, which serve on port 5050. Run with the working directory
// set to a folder laid out by build.ts and the environment of environment.ts.
import cluster from 'cluster'
import { createServer } from 'http'
import { join } from 'path'

import { REPO_ROOT } from './environment'

if (cluster.isPrimary) {
  // On IO a sidecar on port 5000 receives each worker's "up" signal; without an answer there
  // the worker dies and is forked again.
  createServer((_req, res) => res.end()).listen(5000, '127.0.0.1')
}

require(join(REPO_ROOT, 'node', 'node_modules', '@vtex', 'api')).startApp()
