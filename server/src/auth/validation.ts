export { parseRequest } from '../http/parseRequest';
