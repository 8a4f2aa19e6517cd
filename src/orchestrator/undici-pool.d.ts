// undici's Pool on its own: its package entry loads fetch, WebSocket and every dispatcher (about
// 4× the load time), and the transport needs only the pool.
declare module 'undici/lib/dispatcher/pool.js' {
  import type { Pool } from 'undici';
  const PoolClass: typeof Pool;
  export default PoolClass;
}
