import { randomUUID } from 'node:crypto';
import { statements } from '../../store/database.js';
import { TaskStatus } from '../protocol.js';
import { normalizeGuid, type EmulatorContext, type RouteDef } from './context.js';
import { fail, ok, readForm, type Form } from './http.js';
import { formText as str, intField } from './form-fields.js';

/** Queues and their tasks: created by a process, taken one at a time by robots, updated as worked. */

type TaskRow = Record<string, unknown> & { guid: string; parameters: string };

/** Tasks as the vendor's REST answers them: snake_case fields, parameters as a JSON string. */
const taskAnswer = (row: TaskRow): Record<string, unknown> => ({ ...row, queue_id: row.queue_guid });

export function taskRoutes(ctx: EmulatorContext): RouteDef[] {
  const sql = statements(ctx.db, {
    queue: 'SELECT guid FROM queues WHERE guid = ? OR name = ? LIMIT 1',
    taskInsert: `INSERT INTO tasks (guid, queue_guid, name, description, comment, deadline, retries, parameters, status, created_at, updated_at)
                 VALUES (@guid, @queue, @name, @description, @comment, @deadline, @retries, @parameters, 0, @at, @at)`,
    task: 'SELECT * FROM tasks WHERE guid = ? OR name = ? ORDER BY created_at LIMIT 1',
    taskUpdate: `UPDATE tasks SET status = COALESCE(@status, status), comment = COALESCE(@comment, comment),
                 parameters = COALESCE(@parameters, parameters), updated_at = @at WHERE guid = @guid`,
    nextTask: `SELECT * FROM tasks WHERE queue_guid = ? AND status IN (${TaskStatus.New}, ${TaskStatus.Postponed})
               ORDER BY created_at, rowid LIMIT 1`,
  });
  return [
    {
      methods: ['POST'],
      pattern: /^\/api\/task\/create$/,
      async handle(req) {
        ctx.caller(req.raw);
        const { form } = await readForm(req.raw);
        const name = str(form, 'Name');
        if (!name) throw fail(400, 'Name of the task is required.');
        const queueKey = str(form, 'QueueGuid') || str(form, 'queue_guid') || '';
        const queue = sql.queue.get(normalizeGuid(queueKey), queueKey) as { guid: string } | undefined;
        if (!queue) throw fail(404, `Queue "${queueKey}" not found.`);
        const guid = randomUUID();
        sql.taskInsert.run({ guid, queue: queue.guid, name, ...taskFields(form), at: ctx.now() });
        return ok({ guid });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/task\/read\/(.+)$/,
      handle(req) {
        ctx.caller(req.raw);
        const key = req.params[0];
        const task = sql.task.get(normalizeGuid(key), key) as TaskRow | undefined;
        if (!task) throw fail(404, `Task "${key}" not found.`);
        return ok(taskAnswer(task));
      },
    },
    {
      methods: ['PUT', 'POST'],
      pattern: /^\/api\/task\/update$/,
      async handle(req) {
        ctx.caller(req.raw);
        const { form } = await readForm(req.raw);
        const guid = normalizeGuid(str(form, 'GUID') ?? '');
        if (!sql.task.get(guid, '')) throw fail(404, `Task "${guid}" not found.`);
        const status = str(form, 'Status') ? intField(form, 'Status', Object.values(TaskStatus)) : null;
        sql.taskUpdate.run({ guid, status, comment: str(form, 'Comment') ?? null, parameters: str(form, 'Parameters') ?? null, at: ctx.now() });
        return ok(taskAnswer(sql.task.get(guid, '') as TaskRow));
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/queue\/lastTask\/(.+)$/,
      handle(req) {
        ctx.caller(req.raw);
        const key = req.params[0];
        const queue = sql.queue.get(normalizeGuid(key), key) as { guid: string } | undefined;
        if (!queue) throw fail(404, `Queue "${key}" not found.`);
        // Taking the next task marks it InProgress in the same transaction: two robots never get one task.
        const take = ctx.db.transaction(() => {
          const task = sql.nextTask.get(queue.guid) as TaskRow | undefined;
          if (task) sql.taskUpdate.run({ guid: task.guid, status: TaskStatus.InProgress, comment: null, parameters: null, at: ctx.now() });
          return task ? (sql.task.get(task.guid, '') as TaskRow) : undefined;
        });
        const task = take();
        return ok(task ? taskAnswer(task) : null);
      },
    },
  ];
}

/** The optional fields of task/create, as stored; Retries must be a whole number. */
function taskFields(form: Form): { description: string; comment: string; deadline: string; retries: number; parameters: string } {
  const retries = str(form, 'Retries') || '0';
  if (!/^\d+$/.test(retries)) throw fail(400, `Retries must be a whole number; got "${retries}".`);
  return {
    description: str(form, 'Description') ?? '',
    comment: str(form, 'Comment') ?? '',
    deadline: str(form, 'Deadline') ?? '',
    retries: Number(retries),
    parameters: str(form, 'Parameters') ?? '',
  };
}
