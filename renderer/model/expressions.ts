// The one expression module (parse, free names, rename, compile) is src/scenario/expressions/.
export { referencesOf, renameInExpression } from '../../src/scenario/expressions/rename.js';
