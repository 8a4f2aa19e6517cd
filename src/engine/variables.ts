import type { BlockVariables } from '../activities/define.js';
import type { Variable, VariableType } from '../scenario/schema.js';
import { REDACTED } from '../scenario/values.js';
import type { Redactor } from './redact.js';
import { coerceToType, describeType, fitsType } from './values.js';

/**
 * One scenario invocation's variables. `values` is a plain record that compiled expressions read
 * directly (the fast path); every write goes through `set`, which checks the declared type and
 * registers values of secret variables with the redactor.
 */
export class VariableStore implements BlockVariables {
  readonly values: Record<string, unknown> = {};
  private readonly types: Record<string, VariableType | undefined> = {};
  private readonly secretNames = new Set<string>();
  private readonly declared: Variable[];

  constructor(
    private readonly scenario: string,
    variables: readonly Variable[],
    knownNames: Iterable<string>,
    private readonly redactor: Redactor,
  ) {
    this.declared = [...variables];
    // Every name gets its slot up front so the record keeps one shape (fast property reads).
    for (const name of knownNames) this.values[name] = undefined;
    for (const v of variables) {
      this.values[v.name] = undefined;
      if (v.type !== 'any') this.types[v.name] = v.type;
      if (v.type === 'secret' || v.sensitive === true) this.secretNames.add(v.name);
    }
  }

  /** Defaults first, then the caller's arguments for `in`/`inout` variables (strings coerced). */
  initialise(args: Record<string, unknown> = {}): void {
    for (const v of this.declared) {
      if (v.default !== undefined) {
        this.set(v.name, coerceToType(v.type, structuredClone(v.default), `Default of variable "${v.name}" in scenario "${this.scenario}"`));
      }
    }
    const inputs = new Set(this.declared.filter((v) => v.direction === 'in' || v.direction === 'inout').map((v) => v.name));
    for (const [name, value] of Object.entries(args)) {
      if (!inputs.has(name)) {
        throw new TypeError(`Scenario "${this.scenario}" has no input argument "${name}" (declare a variable with direction in/inout)`);
      }
      this.setCoerced(name, value, `Argument "${name}" of scenario "${this.scenario}"`);
    }
  }

  get(name: string): unknown {
    return this.values[name];
  }

  has(name: string): boolean {
    return Object.hasOwn(this.values, name);
  }

  names(): string[] {
    return Object.keys(this.values);
  }

  set(name: string, value: unknown): void {
    const type = this.types[name];
    if (type !== undefined && !fitsType(type, value)) {
      throw new TypeError(`Variable "${name}" is ${type}, a ${describeType(value)} value cannot be assigned to it`);
    }
    if (this.secretNames.size !== 0 && this.secretNames.has(name)) this.redactor.add(value);
    this.values[name] = value;
  }

  /** A write from outside the scenario (arguments, the debugger): text is converted to the declared type. */
  setCoerced(name: string, value: unknown, what = `Variable "${name}"`): void {
    const type = this.types[name];
    this.set(name, type === undefined ? value : coerceToType(type, value, what));
  }

  isSecret(name: string): boolean {
    return this.secretNames.has(name);
  }

  /** The `out`/`inout` variables, as the caller receives them. */
  outputs(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const v of this.declared) {
      if (v.direction === 'out' || v.direction === 'inout') out[v.name] = this.values[v.name];
    }
    return out;
  }

  /** Every variable, secrets redacted: what the debugger shows while paused. */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this.values)) {
      out[name] = this.secretNames.has(name) && value !== undefined && value !== null ? REDACTED : this.redactor.value(value);
    }
    return out;
  }
}
