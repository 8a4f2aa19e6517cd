import { OrchestratorError } from './errors.js';
import { toForm, field, num, text, isObject, type FormValue } from './form.js';
import { createTransport, type CallInput, type CallResult } from './http.js';
import { machineInfo, type MachineInfo } from './machine.js';
import { resolvePaths, type PathName } from './paths.js';
import { ConsumeJobErrorCode, HeartbeatErrorCode, JobStatus, JobType, RobotStatus, type HeartbeatErrorCode as HeartbeatCode } from './protocol.js';
import {
  nestedObject,
  nestedTask,
  parseGuid,
  parseJson,
  parseObject,
  toAsset,
  toProcess,
  toTask,
  toVersion,
} from './answers.js';
import type {
  Asset,
  AssetUpdate,
  ConsumedJob,
  HeartbeatAnswer,
  HeartbeatInput,
  JobUpdateInput,
  LogEntry,
  OrchestratorConfig,
  OrchestratorProcess,
  OrchestratorTask,
  ProcessInput,
  ProcessVersion,
  ScreenshotInput,
  TaskInput,
  TaskUpdate,
  VersionInput,
} from './types.js';

const JOB_STATUSES = new Set<number>(Object.values(JobStatus));

/**
 * The typed Orchestrator client: the seed's three robot calls plus the vendor's REST calls the
 * robot and the Designer need. See docs/orchestrator-api.md for each call on the wire.
 */
export class OrchestratorClient {
  readonly robotGuid: string;
  readonly url: string;
  private readonly send: (call: PathName, input?: CallInput) => Promise<CallResult>;
  private readonly machine: MachineInfo;
  private readonly maxPackageBytes: number;
  private readonly transferTimeoutMs: number;

  constructor(config: OrchestratorConfig) {
    this.robotGuid = config.robotGuid;
    this.url = config.url.replace(/\/+$/, '');
    this.machine = config.machine ?? machineInfo();
    this.maxPackageBytes = config.maxPackageBytes ?? 100 * 1024 * 1024;
    this.transferTimeoutMs = config.transferTimeoutMs ?? 120_000;
    this.send = createTransport({
      baseUrl: config.url,
      credential: config.apiKey ?? config.robotGuid,
      paths: resolvePaths(config.paths),
      timeoutMs: config.timeoutMs ?? 15_000,
      retries: config.retries ?? 3,
      retryBaseMs: config.retryBaseMs ?? 300,
      retryMaxMs: config.retryMaxMs ?? 5_000,
      maxContentLength: config.maxContentLength ?? 10 * 1024 * 1024,
      insecure: config.insecure ?? false,
      warn: config.warn ?? ((line) => console.warn(line)),
    });
  }

  private form(call: PathName, fields: Record<string, FormValue>, params?: Record<string, string>): Promise<CallResult> {
    return this.send(call, { body: toForm(fields), params });
  }

  private robotUnknown(call: string, result: CallResult, errorText: string): OrchestratorError {
    return new OrchestratorError({
      kind: 'robotUnknown',
      call,
      url: result.url,
      status: result.status,
      message: `The Orchestrator at ${this.url} does not know robot ${this.robotGuid} (code 101${errorText ? `: ${errorText}` : ''}). Register the robot there or fix its GUID.`,
    });
  }

  /** Seed step 1/4/6. Throws robotUnknown on code 101; 10 and 20 are answers the robot acts on. */
  async heartbeat(input: HeartbeatInput): Promise<HeartbeatAnswer> {
    const result = await this.form('heartbeat', {
      RobotGUID: this.robotGuid,
      Machine: this.machine.machine,
      IP: this.machine.ip,
      MAC: this.machine.mac,
      Status: input.status,
      JobGUID: input.jobGuid ?? '',
      JobName: input.jobName ?? '',
      JobType: input.jobType ?? JobType.Orchestrated,
    });
    const answer = parseObject('heartbeat', result, ['HeartbeatErrorCode']);
    const errorCode = num(answer, 'HeartbeatErrorCode') as HeartbeatCode;
    const errorText = text(answer, 'ErrorText');
    if (errorCode === HeartbeatErrorCode.RobotNotFound) throw this.robotUnknown('heartbeat', result, errorText);
    // 1 as the seed documents it; `true` / "true" from servers that send a boolean.
    const hasNewJob = num(answer, 'HasNewJob') === 1 || text(answer, 'HasNewJob').toLowerCase() === 'true';
    return { errorCode, errorText, hasNewJob, raw: answer };
  }

  /** Seed step 2: the next job, or null when there is none after all (code 102). */
  async consumeNextJob(status: RobotStatus = RobotStatus.Ready): Promise<ConsumedJob | null> {
    const result = await this.form('consumeNextJob', { RobotGUID: this.robotGuid, Status: status });
    const answer = parseObject('consumeNextJob', result, ['ConsumeJobErrorCode']);
    const code = num(answer, 'ConsumeJobErrorCode');
    const errorText = text(answer, 'ErrorText');
    if (code === ConsumeJobErrorCode.NoNewJob) return null;
    if (code === ConsumeJobErrorCode.RobotNotFound) throw this.robotUnknown('consumeNextJob', result, errorText);
    const job = nestedObject(answer, 'Job');
    const version = nestedObject(answer, 'ProcessVersion');
    if (code !== ConsumeJobErrorCode.NoError || !text(job, 'GUID')) {
      throw new OrchestratorError({
        kind: 'rejected',
        call: 'consumeNextJob',
        url: result.url,
        status: result.status,
        message: `consumeNextJob answered code ${code}${errorText ? ` (${errorText})` : ''} without a job GUID.`,
      });
    }
    return {
      job: { guid: text(job, 'GUID'), name: text(job, 'Name'), raw: job },
      version: { guid: text(version, 'GUID'), name: text(version, 'Name'), raw: version },
      task: nestedTask(answer),
      raw: answer,
    };
  }

  /** Seed steps 3 and 5. Returns the answer's text (the seed prints it). */
  async updateJob(input: JobUpdateInput): Promise<string> {
    if (!JOB_STATUSES.has(input.status)) throw new RangeError(`Job status ${input.status} is not one of the protocol's 0–8.`);
    const result = await this.form('jobUpdate', { guid: input.guid, status: input.status });
    return result.text;
  }

  /** One log line per call, in the order given; a list is sent over one kept-alive connection. */
  async createLog(entries: LogEntry | LogEntry[]): Promise<void> {
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      await this.form('logCreate', {
        RobotGUID: this.robotGuid,
        ProcessVersionGUID: entry.versionGuid ?? '',
        JobGUID: entry.jobGuid ?? '',
        Level: entry.level,
        Message: entry.message,
        // Cairn extension: the robot's write time, so a backlog delivered later keeps its times.
        Time: entry.at === undefined ? undefined : new Date(entry.at).toISOString(),
      });
    }
  }

  async readAsset(nameOrGuid: string): Promise<Asset> {
    return toAsset(parseObject('assetRead', await this.send('assetRead', { params: { name: nameOrGuid } }), ['name']));
  }

  async updateAsset(input: AssetUpdate): Promise<void> {
    if (!input.guid && !input.name) throw new RangeError('updateAsset needs the asset name or GUID.');
    await this.form('assetUpdate', { GUID: input.guid, Name: input.name, Text: input.text, Password: input.password });
  }

  async createTask(input: TaskInput): Promise<{ guid: string }> {
    const result = await this.form('taskCreate', {
      Name: input.name,
      QueueGuid: input.queueGuid,
      Description: input.description,
      Comment: input.comment,
      Deadline: input.deadline,
      Retries: input.retries,
      Parameters: input.parameters === undefined ? undefined : JSON.stringify(input.parameters),
    });
    return { guid: parseGuid('taskCreate', result) };
  }

  async readTask(guidOrName: string): Promise<OrchestratorTask> {
    return toTask(parseObject('taskRead', await this.send('taskRead', { params: { id: guidOrName } }), ['guid']));
  }

  async updateTask(input: TaskUpdate): Promise<void> {
    await this.form('taskUpdate', {
      GUID: input.guid,
      Status: input.status,
      Comment: input.comment,
      Parameters: input.parameters === undefined ? undefined : JSON.stringify(input.parameters),
    });
  }

  /** The queue's next task to work (the Orchestrator marks it InProgress), or null when empty. */
  async nextTask(queueGuid: string): Promise<OrchestratorTask | null> {
    let result: CallResult;
    try {
      result = await this.send('queueLastTask', { params: { queueGuid } });
    } catch (error) {
      if (error instanceof OrchestratorError && error.kind === 'notFound' && /no task/i.test(error.message)) return null;
      throw error;
    }
    if (result.text.trim() === '' || result.text.trim() === 'null' || result.text.trim() === '[]') return null;
    const value = parseJson('queueLastTask', result);
    const task = Array.isArray(value) ? value.find(isObject) : value;
    return isObject(task) && field(task, 'guid') !== undefined ? toTask(task) : null;
  }

  async createProcess(input: ProcessInput): Promise<{ guid: string }> {
    const result = await this.form('processCreate', {
      Name: input.name,
      Description: input.description,
      MinVersionToRun: input.minVersionToRun,
      ProcessType: input.processType,
    });
    return { guid: parseGuid('processCreate', result) };
  }

  async readProcess(guid: string): Promise<OrchestratorProcess> {
    return toProcess(parseObject('processRead', await this.send('processRead', { params: { guid } }), ['guid']));
  }

  async listProcesses(): Promise<OrchestratorProcess[]> {
    const value = parseJson('processRead', await this.send('processRead'));
    return (Array.isArray(value) ? value : [value]).filter(isObject).map(toProcess);
  }

  /** Publishing: uploads a package as a new version (multipart `ProcessFile`). Not made current. */
  async publishVersion(input: VersionInput): Promise<{ guid: string }> {
    const body = new FormData();
    body.append('ProcessGuid', input.processGuid);
    body.append('Name', input.name);
    body.append('Description', input.description ?? '');
    body.append('ProcessFile', new Blob([new Uint8Array(input.file)], { type: 'application/zip' }), input.fileName);
    const result = await this.send('processVersionCreate', { body, timeoutMs: this.transferTimeoutMs });
    return { guid: parseGuid('processVersionCreate', result) };
  }

  async readVersion(guid: string): Promise<ProcessVersion> {
    return toVersion(parseObject('processVersionRead', await this.send('processVersionRead', { params: { guid } }), ['guid']));
  }

  /** Cairn extension: the version's package bytes. */
  async downloadVersion(guid: string): Promise<Buffer> {
    const result = await this.send('processVersionDownload', {
      params: { guid },
      binary: true,
      maxContentLength: this.maxPackageBytes,
      timeoutMs: this.transferTimeoutMs,
    });
    return result.bytes;
  }

  /** Cairn extension: a PNG screenshot attached to a job. */
  async uploadScreenshot(input: ScreenshotInput): Promise<void> {
    await this.form('screenshotCreate', {
      RobotGUID: this.robotGuid,
      JobGUID: input.jobGuid,
      Note: input.note ?? '',
      Screenshot: input.pngBase64,
    });
  }
}
