// The `kefu` command (Node only): `kefu demo` (npm start) and the data subcommands. See main.ts.
import { nodeIo } from './io.ts';
import { run } from './main.ts';

process.exitCode = await run(process.argv.slice(2), nodeIo());
