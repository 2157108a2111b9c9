import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The UI tests drive MUI dialogs with user-event; on a two-core CI machine running
// other packages' tests in parallel a single test can take several seconds.
jest.setTimeout(60_000);

// findBy… and waitFor give up after one second by default; on a loaded CI machine a
// first render can take longer without anything being wrong.
configure({ asyncUtilTimeout: 10_000 });
