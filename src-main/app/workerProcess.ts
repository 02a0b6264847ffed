/**
 * Starts the worker host (out/main/workerHost.js) as an Electron utility process: a Node
 * process of its own, so the computation's memory and crashes are walled off from main.
 */
import { utilityProcess } from 'electron';
import type { SpawnHost } from '../worker/processLink';

export const spawnUtilityHost: SpawnHost = (hostPath, args) => {
  const child = utilityProcess.fork(hostPath, [...args], {
    serviceName: 'Lime Lens computation',
    stdio: 'inherit',
  });
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (message) => child.postMessage(message),
    kill: () => void child.kill(),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code, null)),
  };
};
