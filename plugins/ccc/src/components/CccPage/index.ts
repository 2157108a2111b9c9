export { CccPageContent } from './CccPage';
export { LegacyCccPage } from './LegacyCccPage';
