import { describe, expect, it } from 'vitest';
import { field, jsonField, num, toForm } from './form.js';
import { machineInfo } from './machine.js';
import { fillPath, resolvePaths } from './paths.js';

describe('the wire forms', () => {
  it('encodes form bodies like requests.post(data=dict): objects as JSON, undefined left out', () => {
    expect(toForm({ RobotGUID: 'g', Status: 2, JobGUID: '', Skip: undefined, Parameters: { a: 'б' } })).toBe(
      'RobotGUID=g&Status=2&JobGUID=&Parameters=%7B%22a%22%3A%22%D0%B1%22%7D',
    );
  });

  it("reads fields whatever their spelling, including the seed's ' Task '", () => {
    const answer = { ' Task ': '{"GUID":"t1"}', process_guid: 'p', HasNewJob: '1' };
    expect(jsonField(answer, 'Task')).toEqual({ GUID: 't1' });
    expect(field(answer, 'ProcessGuid')).toBe('p');
    expect(num(answer, 'HasNewJob')).toBe(1);
    expect(jsonField({ Task: '' }, 'Task')).toBeNull();
    expect(jsonField({ Task: { GUID: 'obj' } }, 'Task')).toEqual({ GUID: 'obj' });
  });

  it('keeps every call in one table that config can override', () => {
    const table = resolvePaths({ jobUpdate: { method: 'POST' }, processVersionDownload: { path: '/custom/dl/{guid}' } });
    expect(table.jobUpdate).toEqual({ method: 'POST', path: '/api/job/update' });
    expect(table.heartbeat).toEqual({ method: 'POST', path: '/api/robot/heartbeat' });
    expect(fillPath(table.processVersionDownload.path, { guid: 'a b' })).toBe('/custom/dl/a%20b');
    expect(fillPath('/api/process/read/{guid}', {})).toBe('/api/process/read');
    expect(() => resolvePaths({ heartbeat: { path: 'api/x' } })).toThrow(/must start with "\/"/);
  });
});

describe('machineInfo', () => {
  it('picks the first non-internal IPv4 with a real MAC, stably', () => {
    const interfaces = {
      wg0: [{ address: '10.9.0.2', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: null }],
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: null }],
      eth1: [{ address: 'fe80::1', netmask: 'ffff::', family: 'IPv6', mac: 'aa:aa:aa:aa:aa:aa', internal: false, cidr: null, scopeid: 1 }],
      eth0: [{ address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '52:54:00:12:34:56', internal: false, cidr: null }],
    } as unknown as Parameters<typeof machineInfo>[0];
    const first = machineInfo(interfaces);
    expect(first).toMatchObject({ ip: '192.168.1.20', mac: '52:54:00:12:34:56' });
    expect(first.machine.length).toBeGreaterThan(0);
    expect(machineInfo(interfaces)).toEqual(first);
    expect(machineInfo()).toEqual(machineInfo());
  });
});
