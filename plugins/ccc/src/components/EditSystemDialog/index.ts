export { EditSystemDialog } from './EditSystemDialog';
