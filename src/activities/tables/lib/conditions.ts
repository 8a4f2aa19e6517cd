import { compareValues, numberOf, sameValue } from '../../kit/compare.js';

export const operators = ['=', '!=', '>', '>=', '<', '<=', 'contains', 'startsWith', 'isEmpty', 'isNotEmpty'] as const;
export type Operator = (typeof operators)[number];

export const operatorTitles: Record<Operator, { en: string; ru: string }> = {
  '=': { en: 'equals', ru: 'равно' },
  '!=': { en: 'not equal', ru: 'не равно' },
  '>': { en: 'greater than', ru: 'больше' },
  '>=': { en: 'at least', ru: 'больше или равно' },
  '<': { en: 'less than', ru: 'меньше' },
  '<=': { en: 'at most', ru: 'меньше или равно' },
  contains: { en: 'contains', ru: 'содержит' },
  startsWith: { en: 'starts with', ru: 'начинается с' },
  isEmpty: { en: 'is empty', ru: 'пусто' },
  isNotEmpty: { en: 'is not empty', ru: 'не пусто' },
};

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v)).toLocaleLowerCase('ru');

/**
 * Cell-versus-value tests as a spreadsheet user expects: "10" equals 10, comparisons are numeric
 * or by date when both sides read as such, text tests ignore case.
 */
export function testCell(cell: unknown, operator: Operator, value: unknown): boolean {
  switch (operator) {
    case 'isEmpty':
      return isEmpty(cell);
    case 'isNotEmpty':
      return !isEmpty(cell);
    case 'contains':
      return text(cell).includes(text(value));
    case 'startsWith':
      return text(cell).startsWith(text(value));
    case '=':
    case '!=': {
      const [a, b] = [numberOf(cell), numberOf(value)];
      const equal = a !== undefined && b !== undefined ? a === b : sameValue(cell, value) || compareValues(cell, value) === 0;
      return operator === '=' ? equal : !equal;
    }
    default: {
      if (isEmpty(cell)) return false;
      const order = compareValues(cell, value);
      return operator === '>' ? order > 0 : operator === '>=' ? order >= 0 : operator === '<' ? order < 0 : order <= 0;
    }
  }
}
