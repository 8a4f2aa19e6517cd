import { describe, expect, it } from 'vitest';
import { parentFolder } from './rememberedProject.js';

describe('parentFolder', () => {
  it('gives the folder holding a project, on POSIX and Windows paths', () => {
    expect(parentFolder('/home/ann/projects/invoices')).toBe('/home/ann/projects');
    expect(parentFolder('/home/ann/projects/invoices/')).toBe('/home/ann/projects');
    expect(parentFolder('/invoices')).toBe('/');
    expect(parentFolder('C:\\Users\\ann\\invoices')).toBe('C:\\Users\\ann');
    expect(parentFolder('C:\\invoices')).toBe('C:\\');
  });
});
