/**
 * @govdocs/queue: govdocs on a BullMQ/Redis job queue. Generic about the work: the CLI gives the
 * job data and what a worker does with it; this package adds, takes, retries, recovers and reports.
 */
export { parseRedisUrl, unreachable, OutageLog, type RedisTarget, type ParsedTarget } from './connection.js';
export { CRAWL_QUEUE, parseQueueName, isGovdocsQueue } from './names.js';
export { runJobs, type BatchJob, type Settled, type RunJobsOptions } from './producer.js';
export { startConsumer, DEFAULT_LOCK_MS, type Consumer, type ConsumerOptions } from './consumer.js';
export {
  parseEvery,
  describeEvery,
  upsertSchedule,
  listSchedules,
  removeSchedule,
  addOnce,
  type Every,
  type Schedule,
} from './schedules.js';
export {
  queueStatus,
  formatStatus,
  activeJobs,
  completedJobs,
  workerCount,
  type QueueReport,
  type QueueFailure,
} from './status.js';
/** Thrown by a job's work when trying again cannot help: the job fails at once. */
export { UnrecoverableError } from 'bullmq';
