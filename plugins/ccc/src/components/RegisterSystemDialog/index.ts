export { RegisterSystemDialog } from './RegisterSystemDialog';
