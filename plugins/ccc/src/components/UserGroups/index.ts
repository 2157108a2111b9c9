export { UserGroupsPage } from './UserGroupsPage';
