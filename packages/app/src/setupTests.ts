import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Booting the whole app in jsdom takes seconds on a two-core machine that runs
// other packages' tests at the same time.
jest.setTimeout(60_000);

// findBy… and waitFor give up after one second by default; on a loaded CI machine a
// first render can take longer without anything being wrong.
configure({ asyncUtilTimeout: 10_000 });
