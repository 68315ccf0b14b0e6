#!/usr/bin/env node
// Runs Herald's TypeScript CLI in this very process, with tsx's loader
// registered in-process: no relay process sits between the caller and
// Herald, so SIGINT and SIGTERM reach Herald's own shutdown directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
