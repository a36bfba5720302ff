import { execFileSync } from 'node:child_process';
import { cpus, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  node: string;
  chromium: string;
  os: string;
  totalMemoryMiB: number;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `not found at ${CHROMIUM_PATH}`;
  }
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model ?? 'unknown',
    cores: list.length,
    node: process.version,
    chromium: chromiumVersion(),
    os: `${platform()} ${release()}`,
    totalMemoryMiB: Math.round(totalmem() / (1024 * 1024)),
  };
}
