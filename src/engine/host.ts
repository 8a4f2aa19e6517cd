import { HostError } from '../activities/hostMethods.js';
import type { HostRequest } from './run.js';
import type { HostServices } from './types.js';

/** Calls the starting process's services; a missing method is a clear error for the block. */
export function hostRequestFor(services: HostServices): HostRequest {
  return (method, params) => {
    const service = services[method];
    if (service === undefined) {
      return Promise.reject(new HostError(`Host service "${method}" is not available in this run / Сервис «${method}» недоступен в этом запуске`, 'NOT_AVAILABLE'));
    }
    try {
      return Promise.resolve(service(params));
    } catch (err) {
      // A service that throws synchronously still answers the block with a rejection.
      return Promise.reject(err);
    }
  };
}
