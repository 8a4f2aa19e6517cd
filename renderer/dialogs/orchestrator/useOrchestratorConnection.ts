import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../../src/api/contract.js';
import { bridge } from '../../bridge/bridge.js';
import { useDesigner } from '../../store/index.js';
import { useOrchestratorAssets } from '../../store/orchestratorAssets.js';

export type TestResult = CommandResult<'orchestrator.testConnection'>;
export type Asset = CommandResult<'orchestrator.assets'>[number];

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The connection as typed in the dialog, loaded from the saved one; the API key is never read back. */
function useConnectionForm(setError: (message: string) => void) {
  const [url, setUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [hasApiKey, setHasApiKey] = useState(false);
  const [robotGuid, setRobotGuid] = useState('');
  const [verifyTls, setVerifyTls] = useState(true);
  const [secure, setSecure] = useState(true);
  useEffect(() => {
    void bridge.call('orchestrator.connection').then((c) => {
      setUrl(c.url);
      setRobotGuid(c.robotGuid);
      setVerifyTls(!c.allowInsecureTls);
      setHasApiKey(c.hasApiKey);
    }, (e: unknown) => setError(errorText(e)));
    void bridge.call('secrets.list').then((s) => setSecure(s.secure), () => undefined);
  }, [setError]);
  return { url, setUrl, apiKey, setApiKey, hasApiKey, setHasApiKey, robotGuid, setRobotGuid, verifyTls, setVerifyTls, secure };
}

/** The Orchestrator dialog's state and actions: test, save, forget the key, list assets. */
export function useOrchestratorConnection() {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const form = useConnectionForm(setError);
  const [test, setTest] = useState<TestResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [assets, setAssets] = useState<Asset[] | null>(null);
  const { url, apiKey, robotGuid, verifyTls, setApiKey, setHasApiKey } = form;
  const typed = { url, robotGuid, allowInsecureTls: !verifyTls, ...(apiKey ? { apiKey } : {}) };

  const runTest = async () => {
    setTesting(true);
    setError('');
    try {
      setTest(await bridge.call('orchestrator.testConnection', typed));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setTesting(false);
    }
  };
  const save = async (): Promise<boolean> => {
    try {
      const saved = await bridge.call('orchestrator.saveConnection', typed);
      setHasApiKey(saved.hasApiKey);
      setApiKey('');
      // Another Orchestrator, other names: the blocks' suggestions are fetched again when next needed.
      useOrchestratorAssets.setState({ assets: null });
      useDesigner.getState().notify('info', t('orchestrator.saved'));
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };
  const forgetKey = async () => {
    const saved = await bridge.call('orchestrator.saveConnection', { url, robotGuid, allowInsecureTls: !verifyTls, apiKey: '' }).catch((e: unknown) => setError(errorText(e)));
    if (saved) setHasApiKey(saved.hasApiKey);
  };
  const loadAssets = async () => {
    setError('');
    if (!(await save())) return;
    try {
      const list = await bridge.call('orchestrator.assets');
      setAssets(list);
      useOrchestratorAssets.getState().set(list);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return { ...form, error, test, testing, assets, runTest, save, forgetKey, loadAssets };
}
