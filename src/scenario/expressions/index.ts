/**
 * The one expression model of Cairn (browser-safe): how a parameter's JavaScript is parsed
 * (`parse`), which scenario variables it reads (`names`, `identifiers`), how a variable is renamed
 * in it (`rename`), and how it is compiled into a function, once per run (`compile`). Validation,
 * the engine, `core.script`, the table blocks and the Designer all use it.
 */
export { expressionSyntaxError, parseExpressionSource, scriptSyntaxError, type ParsedExpression } from './parse.js';
export { freeNames, freeNamesOf, JS_GLOBALS } from './names.js';
export { expressionIdentifiers, scriptIdentifiers } from './identifiers.js';
export { referencesOf, renameInExpression } from './rename.js';
export { compileExpression, compileScript, type CompiledExpression, type CompiledScript, type Scope, type ScriptVariables } from './compile.js';
