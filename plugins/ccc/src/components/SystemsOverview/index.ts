export { SystemsOverview } from './SystemsOverview';
