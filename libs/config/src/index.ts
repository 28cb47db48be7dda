export { int, type IntegerRange, parseInteger } from './int-validator';
