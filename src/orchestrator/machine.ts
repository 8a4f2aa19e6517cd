import { hostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** What the heartbeat reports about the computer (seed 004: Machine, IP, MAC). */
export type MachineInfo = { machine: string; ip: string; mac: string };

const NO_MAC = '00:00:00:00:00:00';

/**
 * The primary non-internal IPv4 address and its MAC. "Primary" is the first by interface name
 * among those with a real MAC (virtual tunnels have none), so the answer does not change from one
 * heartbeat to the next unless the network itself changes.
 */
export function machineInfo(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): MachineInfo {
  const candidates: { name: string; info: NetworkInterfaceInfo }[] = [];
  for (const name of Object.keys(interfaces).sort()) {
    for (const info of interfaces[name] ?? []) {
      if (info.family === 'IPv4' && !info.internal) candidates.push({ name, info });
    }
  }
  const withMac = candidates.find((c) => c.info.mac && c.info.mac !== NO_MAC);
  const chosen = withMac ?? candidates[0];
  return {
    machine: hostname(),
    ip: chosen?.info.address ?? '127.0.0.1',
    mac: chosen?.info.mac ?? NO_MAC,
  };
}
