#!/usr/bin/env node
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`govdocs: internal error: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 3;
  },
);
