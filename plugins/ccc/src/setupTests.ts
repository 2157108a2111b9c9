import '@testing-library/jest-dom';

// The UI tests drive MUI dialogs with user-event; on a two-core CI machine running
// other packages' tests in parallel a single test can take several seconds.
jest.setTimeout(20_000);
