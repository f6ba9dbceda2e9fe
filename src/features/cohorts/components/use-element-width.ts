/** Moved to src/shared/layout (the leads grid fits its columns to the same measure). */
export { useElementWidth } from '../../../shared/layout/use-element-width';
